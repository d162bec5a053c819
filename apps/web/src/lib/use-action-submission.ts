import type { ActionRecord } from "@ihc/contracts";
import { useCallback, useRef, useState } from "react";
import { ApiError } from "./api-error";

/**
 * `sending`: one request in flight. `uncertain`: no answer (network, gateway, 5xx), so the BFF may
 * have journaled it; only the same request with the same key may go again. `refused`: the BFF
 * answered no (4xx) before acting; the agent may correct the input and send again.
 */
export type SubmissionPhase = "idle" | "sending" | "uncertain" | "refused";

export interface ActionSubmission<TInput> {
  /** Made once, when the dialog opened (DESIGN §5): every send of this dialog carries it. */
  idempotencyKey: string;
  phase: SubmissionPhase;
  error: unknown;
  /**
   * The input can no longer change: the first request may have arrived, or its key was used
   * for a different request. Changing it now would be refused as a reused key.
   */
  locked: boolean;
  /** Sends once; ignored while a request is in flight (a double click sends one request). */
  submit: (input: TInput) => void;
  /** Sends the last input again with the same key: safe, the BFF answers with the same record. */
  retry: () => void;
  /** The BFF's message for an input field (`fields[].path`, e.g. "body.confirmDisplayName"). */
  fieldError: (path: string) => string | undefined;
}

/** Whether the request may have reached the BFF even though no answer arrived. */
export function isUncertainFailure(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status === 408 || error.status >= 500;
}

/**
 * The send side of a confirmation dialog for one action: one Idempotency-Key per opening, one
 * request at a time, and the way forward after each kind of failure.
 */
export function useActionSubmission<TInput>(
  send: (input: TInput, idempotencyKey: string) => Promise<ActionRecord>,
  onAccepted: (record: ActionRecord) => void,
): ActionSubmission<TInput> {
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [state, setState] = useState<{ phase: SubmissionPhase; error: unknown }>({
    phase: "idle",
    error: undefined,
  });
  // Set synchronously, before React re-renders the disabled button: the second click of a
  // double click finds it set.
  const inFlight = useRef(false);
  const lastInput = useRef<{ input: TInput } | undefined>(undefined);

  const run = useCallback(
    (input: TInput) => {
      if (inFlight.current) return;
      inFlight.current = true;
      lastInput.current = { input };
      // A retry keeps the uncertain failure on screen (and its "Try again" focused) until the
      // answer comes.
      setState((previous) => ({
        phase: "sending",
        error: previous.phase === "uncertain" ? previous.error : undefined,
      }));
      send(input, idempotencyKey).then(
        (record) => {
          inFlight.current = false;
          setState({ phase: "idle", error: undefined });
          onAccepted(record);
        },
        (error: unknown) => {
          inFlight.current = false;
          setState({ phase: isUncertainFailure(error) ? "uncertain" : "refused", error });
        },
      );
    },
    [idempotencyKey, onAccepted, send],
  );

  const retry = useCallback(() => {
    if (lastInput.current) run(lastInput.current.input);
  }, [run]);

  const keyReused =
    state.error instanceof ApiError && state.error.code === "idempotency_key_reused";
  const fieldError = (path: string) =>
    state.phase === "refused" && state.error instanceof ApiError
      ? state.error.fields.find((field) => field.path === path)?.message
      : undefined;

  return {
    idempotencyKey,
    phase: state.phase,
    error: state.error,
    locked: state.phase === "sending" || state.phase === "uncertain" || keyReused,
    submit: run,
    retry,
    fieldError,
  };
}

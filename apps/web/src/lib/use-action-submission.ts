import type { ActionRecord } from "@ihc/contracts";
import { useCallback, useLayoutEffect, useRef, useState } from "react";
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
  /** The record the BFF accepted, once it did: the dialog renders its result from this. */
  accepted: ActionRecord | undefined;
  /**
   * The input of the last request sent, so a dialog can tell whether the field the BFF refused
   * still holds what was sent (and show the refusal under it only then).
   */
  sent: TInput | undefined;
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

export interface SubmissionState<TInput = unknown> {
  phase: SubmissionPhase;
  error: unknown;
  /** The record the BFF accepted, once it did: the dialog's result. */
  accepted: ActionRecord | undefined;
  /** The input of the last request sent. */
  sent: TInput | undefined;
}

/**
 * The send side of a dialog without React: one key for its life, one request at a time (the
 * second click of a double click finds `inFlight` set before any re-render), the last input
 * kept for a same-key retry, and the state each answer leads to.
 */
export function createSubmissionController<TInput>(
  idempotencyKey: string,
  send: (input: TInput, idempotencyKey: string) => Promise<ActionRecord>,
  onChange: (update: (previous: SubmissionState<TInput>) => SubmissionState<TInput>) => void,
  onAccepted: (record: ActionRecord) => void,
) {
  let inFlight = false;
  let lastInput: { input: TInput } | undefined;
  const submit = (input: TInput): void => {
    if (inFlight) return;
    inFlight = true;
    lastInput = { input };
    // A retry keeps the uncertain failure on screen (and its "Try again" focused) until the
    // answer comes.
    onChange((previous) => ({
      phase: "sending",
      error: previous.phase === "uncertain" ? previous.error : undefined,
      accepted: undefined,
      sent: input,
    }));
    send(input, idempotencyKey).then(
      (record) => {
        inFlight = false;
        onChange((previous) => ({
          ...previous,
          phase: "idle",
          error: undefined,
          accepted: record,
        }));
        onAccepted(record);
      },
      (error: unknown) => {
        inFlight = false;
        onChange((previous) => ({
          ...previous,
          phase: isUncertainFailure(error) ? "uncertain" : "refused",
          error,
          accepted: undefined,
        }));
      },
    );
  };
  return {
    submit,
    retry: (): void => {
      if (lastInput) submit(lastInput.input);
    },
  };
}

export const initialSubmissionState: SubmissionState<never> = {
  phase: "idle",
  error: undefined,
  accepted: undefined,
  sent: undefined,
};

/**
 * The send side of a confirmation dialog for one action: one Idempotency-Key per opening, one
 * request at a time, the way forward after each kind of failure, and the accepted record.
 */
export function useActionSubmission<TInput>(
  send: (input: TInput, idempotencyKey: string) => Promise<ActionRecord>,
  /** For a dialog that hands the record on (and closes); others render from `accepted`. */
  onAccepted: (record: ActionRecord) => void = () => undefined,
): ActionSubmission<TInput> {
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [state, setState] = useState<SubmissionState<TInput>>(initialSubmissionState);
  // The latest callbacks, read when the agent sends and when an answer comes; the controller
  // lives as long as the dialog (its in-flight flag must survive re-renders).
  const latest = useRef({ send, onAccepted });
  useLayoutEffect(() => {
    latest.current = { send, onAccepted };
  });
  const controller = useRef<ReturnType<typeof createSubmissionController<TInput>>>(undefined);
  const controllerOf = useCallback(() => {
    controller.current ??= createSubmissionController<TInput>(
      idempotencyKey,
      (input, key) => latest.current.send(input, key),
      setState,
      (record) => {
        latest.current.onAccepted(record);
      },
    );
    return controller.current;
  }, [idempotencyKey]);
  const submit = useCallback(
    (input: TInput) => {
      controllerOf().submit(input);
    },
    [controllerOf],
  );
  const retry = useCallback(() => {
    controllerOf().retry();
  }, [controllerOf]);

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
    accepted: state.accepted,
    sent: state.sent,
    locked: state.phase === "sending" || state.phase === "uncertain" || keyReused,
    submit,
    retry,
    fieldError,
  };
}

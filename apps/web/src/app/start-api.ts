import { z } from "zod";
import { configureApiClient } from "../lib/api-client";
import { getClientConfig } from "../lib/api/get-client-config";
import { registerActionEventAppliers } from "../lib/console-event-cache";
import { actionEventAppliers } from "./action-event-appliers";

/**
 * The API client and the contracts' schemas (zod) at start-up: imported by main.tsx as soon as
 * it runs, in parallel with the translations, rather than as part of the initial download
 * (bundle budget, ADR 0014). Nothing is parsed before this module has run.
 */
// Production runs under `script-src 'self'` (no eval): without this, zod 4 probes `new Function`
// for its JIT parser and the browser reports a CSP violation on every start.
z.config({ jitless: true });
registerActionEventAppliers(actionEventAppliers);

export { configureApiClient, getClientConfig };

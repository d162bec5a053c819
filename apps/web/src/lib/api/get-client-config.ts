import { api, type ClientConfig } from "@ihc/contracts";
import { apiRequest } from "../api-client";

/** GET /api/client-config: public, read once at start-up before MSAL exists. */
export function getClientConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return apiRequest(api.clientConfig, { anonymous: true, signal });
}

import { createHash, randomBytes } from "node:crypto";

/** A random URL-safe string: codes, refresh tokens, `uti`, `aio` and trace ids. */
export function opaqueValue(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function sha256Base64Url(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}

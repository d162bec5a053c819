import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for msal-node's serialised token cache at rest (ADR 0020): a random 12-byte IV
 * per write, and the partition (the user) as associated data, so a blob copied under another
 * user's key does not open. The result is `v1.<base64url(iv | ciphertext | tag)>`.
 */
export const sealTokenCache = (key: Buffer, partition: string, plaintext: string): string => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(partition, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
};

/**
 * The plaintext of a sealed blob, or undefined when it is not one of ours, was sealed with
 * another key or for another partition, or was changed: the caller treats that as a miss.
 */
export const openTokenCache = (
  key: Buffer,
  partition: string,
  sealed: string,
): string | undefined => {
  const [version, encoded, ...rest] = sealed.split(".");
  if (version !== VERSION || encoded === undefined || rest.length > 0) return undefined;
  const bytes = Buffer.from(encoded, "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(partition, "utf8"));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
};

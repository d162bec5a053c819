import { createHash, X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { NodeAuthOptions } from "@azure/msal-node";

/**
 * How the BFF's API registration proves itself to the token service (ADR 0027): a client
 * secret, a certificate (its private key in a PEM file and its thumbprint), or a client
 * assertion read from a file on every request, as workload identity federation (AKS, Container
 * Apps) and managed identity hand one out: the file is rotated under us, so it is never cached.
 */
export type ApiCredential =
  | { kind: "secret"; secret: string }
  | {
      kind: "certificate";
      privateKeyFile: string;
      /** Hex; 64 digits is SHA-256 (`x5t#S256`), 40 is the older SHA-1 (`x5t`). */
      thumbprint: string;
      /** A PEM certificate (chain) to send as `x5c`, for subject name + issuer authentication. */
      certificateFile: string | undefined;
    }
  | { kind: "assertion"; assertionFile: string };

/** The credential settings as the environment gives them; empty strings already removed. */
export interface ApiCredentialSettings {
  API_CLIENT_SECRET?: string | undefined;
  API_CLIENT_CERTIFICATE_KEY_FILE?: string | undefined;
  API_CLIENT_CERTIFICATE_THUMBPRINT?: string | undefined;
  API_CLIENT_CERTIFICATE_FILE?: string | undefined;
  API_CLIENT_ASSERTION_FILE?: string | undefined;
  /** Set by AKS workload identity and Azure Container Apps; used when nothing else is. */
  AZURE_FEDERATED_TOKEN_FILE?: string | undefined;
}

/** Exactly one credential, or the problems (variable: message) that prevent choosing one. */
export const chooseApiCredential = (
  settings: ApiCredentialSettings,
): { credential: ApiCredential } | { problems: string[] } => {
  const chosen = [
    settings.API_CLIENT_SECRET === undefined ? undefined : "API_CLIENT_SECRET",
    settings.API_CLIENT_CERTIFICATE_KEY_FILE === undefined
      ? undefined
      : "API_CLIENT_CERTIFICATE_KEY_FILE",
    settings.API_CLIENT_ASSERTION_FILE === undefined ? undefined : "API_CLIENT_ASSERTION_FILE",
  ].filter((name) => name !== undefined);
  if (chosen.length > 1) {
    return {
      problems: [
        `${chosen.join(", ")}: set only one API credential (secret, certificate or client assertion)`,
      ],
    };
  }
  if (settings.API_CLIENT_SECRET !== undefined) {
    return { credential: { kind: "secret", secret: settings.API_CLIENT_SECRET } };
  }
  if (settings.API_CLIENT_CERTIFICATE_KEY_FILE !== undefined) {
    const thumbprint = settings.API_CLIENT_CERTIFICATE_THUMBPRINT?.replace(/:/g, "").toLowerCase();
    if (thumbprint === undefined) {
      return { problems: ["API_CLIENT_CERTIFICATE_THUMBPRINT: is required with a certificate"] };
    }
    if (!/^([0-9a-f]{64}|[0-9a-f]{40})$/.test(thumbprint)) {
      return {
        problems: [
          "API_CLIENT_CERTIFICATE_THUMBPRINT: must be the certificate's SHA-256 (64 hex digits) or SHA-1 (40) thumbprint",
        ],
      };
    }
    return {
      credential: {
        kind: "certificate",
        privateKeyFile: settings.API_CLIENT_CERTIFICATE_KEY_FILE,
        thumbprint,
        certificateFile: settings.API_CLIENT_CERTIFICATE_FILE,
      },
    };
  }
  const assertionFile = settings.API_CLIENT_ASSERTION_FILE ?? settings.AZURE_FEDERATED_TOKEN_FILE;
  if (assertionFile !== undefined) return { credential: { kind: "assertion", assertionFile } };
  return {
    problems: [
      "API_CLIENT_SECRET: is required, or API_CLIENT_CERTIFICATE_KEY_FILE with " +
        "API_CLIENT_CERTIFICATE_THUMBPRINT, or API_CLIENT_ASSERTION_FILE (workload identity)",
    ],
  };
};

/** A credential file could not be read or is not what it should be (stops the start). */
export class CredentialFileError extends Error {
  override readonly name = "CredentialFileError";
}

const readText = async (variable: string, path: string): Promise<string> => {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new CredentialFileError(`${variable}: cannot read ${path}`, { cause: error });
  }
};

/**
 * msal-node's credential options for a chosen credential. Reads the certificate files once (a
 * new certificate means a restart, as a new secret does) and checks the thumbprint matches the
 * certificate when one is given, so a mismatch stops the start instead of every sign-in.
 */
export const msalCredentialOf = async (
  credential: ApiCredential,
): Promise<Pick<NodeAuthOptions, "clientSecret" | "clientCertificate" | "clientAssertion">> => {
  switch (credential.kind) {
    case "secret":
      return { clientSecret: credential.secret };
    case "certificate": {
      const privateKey = await readText(
        "API_CLIENT_CERTIFICATE_KEY_FILE",
        credential.privateKeyFile,
      );
      if (!/-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----/.test(privateKey)) {
        throw new CredentialFileError(
          `API_CLIENT_CERTIFICATE_KEY_FILE: ${credential.privateKeyFile} holds no PEM private key`,
        );
      }
      const x5c =
        credential.certificateFile === undefined
          ? undefined
          : await readText("API_CLIENT_CERTIFICATE_FILE", credential.certificateFile);
      if (x5c !== undefined) requireThumbprintOf(x5c, credential.thumbprint);
      const thumbprint =
        credential.thumbprint.length === 64
          ? { thumbprintSha256: credential.thumbprint }
          : { thumbprint: credential.thumbprint };
      return {
        clientCertificate: { ...thumbprint, privateKey, ...(x5c === undefined ? {} : { x5c }) },
      };
    }
    case "assertion":
      return {
        clientAssertion: async () => {
          const text = await readText("API_CLIENT_ASSERTION_FILE", credential.assertionFile);
          return text.trim();
        },
      };
  }
};

const requireThumbprintOf = (pem: string, thumbprint: string): void => {
  let der: Buffer;
  try {
    der = new X509Certificate(pem).raw;
  } catch (error) {
    throw new CredentialFileError("API_CLIENT_CERTIFICATE_FILE: not a PEM certificate", {
      cause: error,
    });
  }
  const algorithm = thumbprint.length === 64 ? "sha256" : "sha1";
  if (createHash(algorithm).update(der).digest("hex") !== thumbprint) {
    throw new CredentialFileError(
      "API_CLIENT_CERTIFICATE_THUMBPRINT: is not the thumbprint of API_CLIENT_CERTIFICATE_FILE",
    );
  }
};

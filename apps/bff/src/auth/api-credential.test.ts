import { createHash, randomUUID, X509Certificate } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoApiCertificate } from "@ihc/tenant-sim";
import { importPKCS8, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../test-support/start-stack.js";
import { CredentialFileError, msalCredentialOf } from "./api-credential.js";

const certificateDer = new X509Certificate(demoApiCertificate.certificatePem).raw;
const thumbprintSha256 = createHash("sha256").update(certificateDer).digest("hex");
const thumbprintSha1 = createHash("sha1").update(certificateDer).digest("hex");

const folder = await mkdtemp(join(tmpdir(), "bff-credential-"));
const keyFile = join(folder, "bff.key.pem");
const certificateFile = join(folder, "bff.cert.pem");
const assertionFile = join(folder, "client-assertion");
await writeFile(keyFile, demoApiCertificate.privateKeyPem);
await writeFile(certificateFile, demoApiCertificate.certificatePem);

/** A client assertion signed with the registered certificate, as a signing service makes one. */
const certificateAssertion = async (stack: Stack, audience?: string): Promise<string> => {
  const now = Math.floor(Date.now() / 1000);
  const clientId = stack.config.apiClientId;
  return new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({
      alg: "RS256",
      "x5t#S256": createHash("sha256").update(certificateDer).digest("base64url"),
    })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(audience ?? `${stack.sim.url}/${stack.sim.tenantId}/oauth2/v2.0/token`)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(await importPKCS8(demoApiCertificate.privateKeyPem, "RS256"));
};

describe("the API credential, over HTTP against the simulator", () => {
  describe.each([
    ["SHA-256", thumbprintSha256, { API_CLIENT_CERTIFICATE_FILE: certificateFile }],
    ["SHA-1, no x5c", thumbprintSha1, {}],
  ])("a certificate (PEM key file, %s thumbprint)", (_name, thumbprint, extra) => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack({
        env: {
          API_CLIENT_SECRET: "",
          API_CLIENT_CERTIFICATE_KEY_FILE: keyFile,
          API_CLIENT_CERTIFICATE_THUMBPRINT: thumbprint,
          ...extra,
        },
      });
    });
    afterAll(() => stack.close());

    it("signs its on-behalf-of request with the certificate and reaches Graph", async () => {
      expect(stack.config.apiCredential.kind).toBe("certificate");
      const response = await stack.fetch("/api/me", { token: await stack.tokenFor("agent") });
      expect(response.status).toBe(200);
    });
  });

  describe("a federated token file (AKS workload identity: AZURE_FEDERATED_TOKEN_FILE)", () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack({
        env: { API_CLIENT_SECRET: "", AZURE_FEDERATED_TOKEN_FILE: assertionFile },
      });
    });
    afterAll(() => stack.close());

    it("presents the cluster's projected token, read anew on every token request", async () => {
      expect(stack.config.apiCredential.kind).toBe("assertion");
      await writeFile(assertionFile, `${await stack.sim.mintWorkloadToken()}\n`);
      const ok = await stack.fetch("/api/me", { token: await stack.tokenFor("agent") });
      expect(ok.status).toBe(200);

      // The pod now runs under another service account: no federated credential names it.
      await writeFile(
        assertionFile,
        await stack.sim.mintWorkloadToken({ subject: "system:serviceaccount:default:other" }),
      );
      const refused = await stack.fetch("/api/me", { token: await stack.tokenFor("senior") });
      expect(refused.status).toBe(502);
      expect(stack.logs.text).toContain("700213");

      // The platform rotates the file to a good token: the next request works, no restart.
      await writeFile(assertionFile, await stack.sim.mintWorkloadToken());
      const again = await stack.fetch("/api/me", { token: await stack.tokenFor("senior") });
      expect(again.status).toBe(200);
    });
  });

  describe("a client assertion file signed elsewhere with the registered certificate", () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack({
        env: { API_CLIENT_SECRET: "", API_CLIENT_ASSERTION_FILE: assertionFile },
      });
    });
    afterAll(() => stack.close());

    it("reads the file on every token request, so a rotated or broken assertion shows at once", async () => {
      await writeFile(assertionFile, `${await certificateAssertion(stack)}\n`);
      const ok = await stack.fetch("/api/me", { token: await stack.tokenFor("agent") });
      expect(ok.status).toBe(200);

      // Rotated to one for another audience: Entra refuses it.
      await writeFile(
        assertionFile,
        await certificateAssertion(stack, "https://elsewhere.invalid/token"),
      );
      const refused = await stack.fetch("/api/me", { token: await stack.tokenFor("senior") });
      expect(refused.status).toBe(502);
      expect(stack.logs.text).toContain("700027");
    });
  });

  it("stops the start when a credential file is missing, unreadable or of the wrong kind", async () => {
    const missing = { kind: "certificate", privateKeyFile: join(folder, "nope.pem") } as const;
    await expect(
      msalCredentialOf({ ...missing, thumbprint: thumbprintSha256, certificateFile: undefined }),
    ).rejects.toThrow(/API_CLIENT_CERTIFICATE_KEY_FILE: cannot read/);
    await expect(
      msalCredentialOf({
        kind: "certificate",
        privateKeyFile: certificateFile,
        thumbprint: thumbprintSha256,
        certificateFile: undefined,
      }),
    ).rejects.toThrow(/holds no PEM private key/);
    await expect(
      msalCredentialOf({
        kind: "certificate",
        privateKeyFile: keyFile,
        thumbprint: "ab".repeat(32),
        certificateFile,
      }),
    ).rejects.toThrow(CredentialFileError);
  });
});

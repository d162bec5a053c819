import { createHash, randomBytes } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import type { EnrollmentProfileRecord } from "./enrollment-profile-records.js";

/** Google's enrollment tokens are short upper-case strings; ambiguous characters left out. */
const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const tokenLength = 20;

function tokenFrom(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, tokenLength), (b) =>
    alphabet.charAt(b % alphabet.length),
  ).join("");
}

/** A seeded profile's token: derived from its id, so every run shows the same value. */
export function seededTokenValue(profileId: string): string {
  return tokenFrom(createHash("sha256").update(`enrollment-token:${profileId}`).digest());
}

/** A token made by createToken: fresh each time, as Google's are. */
export function newTokenValue(): string {
  return tokenFrom(randomBytes(tokenLength));
}

// The cloud DPC's provisioning extras, as Intune's QR codes carry them.
// https://learn.microsoft.com/mem/intune/enrollment/android-dedicated-devices-fully-managed-enroll
const dpc = {
  "android.app.extra.PROVISIONING_DEVICE_ADMIN_COMPONENT_NAME":
    "com.google.android.apps.work.clouddpc/.receivers.CloudDeviceAdminReceiver",
  "android.app.extra.PROVISIONING_DEVICE_ADMIN_SIGNATURE_CHECKSUM":
    "I5YvS0O5hXY46mb01BlRjq4oJJGs2kuUcHvVkAPEXlg",
  "android.app.extra.PROVISIONING_DEVICE_ADMIN_PACKAGE_DOWNLOAD_LOCATION":
    "https://play.google.com/managed/downloadManagingApp?identifier=setup",
};

/** `qrCodeContent`: the JSON a device scans; with the token and, when set, the Wi-Fi secret. */
export function qrCodeContent(profile: EnrollmentProfileRecord, token: string): string {
  const wifi =
    profile.kind === "androidDeviceOwner" && profile.configureWifi
      ? {
          "android.app.extra.PROVISIONING_WIFI_SSID": profile.wifiSsid ?? "",
          "android.app.extra.PROVISIONING_WIFI_PASSWORD": profile.wifiPassword ?? "",
          "android.app.extra.PROVISIONING_WIFI_SECURITY_TYPE":
            profile.wifiSecurityType.toUpperCase(),
          "android.app.extra.PROVISIONING_WIFI_HIDDEN": profile.wifiHidden,
        }
      : {};
  return JSON.stringify({
    ...dpc,
    ...wifi,
    "android.app.extra.PROVISIONING_ADMIN_EXTRAS_BUNDLE": {
      "com.google.android.apps.work.clouddpc.EXTRA_ENROLLMENT_TOKEN": token,
    },
  });
}

/**
 * `qrCodeImage` (graph.mimeContent): a real PNG whose 21×21 modules are drawn from the content's
 * hash. It changes with the token but is not a scannable QR code: nothing here needs one.
 */
export function qrCodeImage(content: string): { type: string; value: string } {
  const size = 21;
  const scale = 4;
  const bits = createHash("sha512").update(content).digest();
  const side = size * scale;
  const rows: Buffer[] = [];
  for (let y = 0; y < side; y++) {
    const row = Buffer.alloc(1 + side);
    for (let x = 0; x < side; x++) {
      const module = Math.floor(y / scale) * size + Math.floor(x / scale);
      const on = ((bits[Math.floor(module / 8) % bits.length] ?? 0) >> (module % 8)) & 1;
      row[1 + x] = on === 1 ? 0 : 255;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return { type: "image/png", value: png.toString("base64") };
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

import { createInstance, type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError, describeError } from "../lib/api-error";
import { apiErrorFromResponse } from "../lib/api-error-from-response";
import en from "../locales/en.json";
import ru from "../locales/ru.json";
import { problemWords } from "./problem-words";

let tEn: TFunction;
let tRu: TFunction;

beforeAll(async () => {
  const make = async (lng: "en" | "ru") => {
    const instance = createInstance();
    await instance.init({
      lng,
      resources: { en: { translation: en }, ru: { translation: ru } },
      interpolation: { escapeValue: false },
    });
    return instance.t;
  };
  tEn = await make("en");
  tRu = await make("ru");
});

const now = new Date("2026-03-05T10:00:00Z");

// The problem the BFF answers when Intune refuses a read for want of an Intune role.
const intuneRefusal = apiErrorFromResponse({
  status: 403,
  statusText: "Forbidden",
  contentType: "application/problem+json",
  requestIdHeader: null,
  retryAfterHeader: null,
  now: new Date("2026-03-05T10:00:00Z"),
  body: JSON.stringify({
    type: "https://ihc.example/problems/intuneRoleMissing",
    title: "Intune role missing",
    status: 403,
    detail: 'Intune refused this because your account has no Intune role with the permission "…".',
    code: "intuneRoleMissing",
    requestId: "req-1",
    graphRequestId: "graph-1",
    graphCode: "Forbidden",
    intunePermission: "mobileApps.read",
  }),
});

describe("problemWords", () => {
  it("names the Intune permission to ask for, in English", () => {
    expect(problemWords(tEn, "en", describeError(intuneRefusal, false), now)).toEqual({
      heading: "Your Intune role does not allow this",
      explanation:
        "You have no Intune role that allows “Mobile apps: Read”. Ask your Intune administrator to add it to your role assignment.",
    });
  });

  it("names the Intune permission to ask for, in Russian", () => {
    expect(problemWords(tRu, "ru", describeError(intuneRefusal, false), now)).toEqual({
      heading: "Ваша роль Intune этого не разрешает",
      explanation:
        "Ни одна из ваших ролей Intune не даёт разрешения «Mobile apps: Read». Попросите администратора Intune добавить его в назначение вашей роли.",
    });
  });

  it("keeps the server's explanation when the permission is not named", () => {
    const bare = new ApiError({
      status: 403,
      code: "intuneRoleMissing",
      title: "Intune role missing",
      detail: "Ask an Intune administrator.",
    });
    expect(problemWords(tEn, "en", describeError(bare, false), now)).toEqual({
      heading: "Your Intune role does not allow this",
      explanation: "Ask an Intune administrator.",
    });
  });

  it("uses our words for known codes and the server's title for codes it does not know", () => {
    const known = new ApiError({ status: 404, code: "not_found", title: "Nope", detail: "d" });
    expect(problemWords(tRu, "ru", describeError(known, false), now)).toEqual({
      heading: "Не найдено",
      explanation: "d",
    });
    const newer = new ApiError({ status: 409, code: "brandNew", title: "Something new" });
    expect(problemWords(tEn, "en", describeError(newer, false), now).heading).toBe("Something new");
  });

  it("names the open action a 409 refusal points at, before any code's words", () => {
    const running = new ApiError({
      status: 409,
      code: "conflict",
      title: "Conflict",
      runningAction: {
        id: "a-1",
        kind: "vpp-token.revoke-licenses",
        actor: { displayName: "Megan Bowen", userPrincipalName: "megan@contoso.test" },
        createdAt: "2026-03-05T09:58:00Z",
      },
    });
    const words = problemWords(tEn, "en", describeError(running, false), now);
    expect(words.heading).toBe(tEn("errors.running.title"));
    expect(words.explanation).toContain("Megan Bowen (megan@contoso.test)");
  });
});

describe("problemWords: identity mistakes an administrator must fix (issue #16)", () => {
  const problem = (body: Record<string, unknown>) =>
    describeError(
      apiErrorFromResponse({
        status: Number(body.status),
        statusText: "",
        contentType: "application/problem+json",
        body: JSON.stringify({ type: "urn:x", title: "t", requestId: "r", ...body }),
        requestIdHeader: null,
        retryAfterHeader: null,
        now,
      }),
      false,
    );

  it("names the permissions to grant for adminConsentRequired, in en and ru", () => {
    const info = problem({
      status: 403,
      code: "adminConsentRequired",
      permissions: ["User.Read", "User.Read.All"],
    });
    const words = problemWords(tEn, "en", info, now);
    expect(words.heading).toBe("An administrator must grant consent");
    expect(words.explanation).toContain(
      "An administrator must grant consent to: User.Read, User.Read.All.",
    );
    expect(problemWords(tRu, "ru", info, now).explanation).toContain(
      "предоставить согласие на: User.Read, User.Read.All.",
    );
  });

  it("says what to change for a v1.0 token and for another application's token", () => {
    const v1 = problem({ status: 401, code: "accessTokenVersion1", detail: "server words" });
    expect(problemWords(tEn, "en", v1, now).explanation).toContain(
      '"accessTokenAcceptedVersion": 2',
    );
    expect(problemWords(tRu, "ru", v1, now).explanation).toContain(
      '"accessTokenAcceptedVersion": 2',
    );
    const other = problem({ status: 401, code: "tokenForAnotherClient" });
    expect(problemWords(tEn, "en", other, now).heading).toBe(
      "This sign-in belongs to another application",
    );
  });
});

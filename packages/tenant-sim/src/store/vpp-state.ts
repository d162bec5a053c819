import { graphDateTime } from "./graph-date-time.js";
import type { VppTiming } from "./vpp-timing.js";
import { usualActionNames, type ActionNames } from "./action-names.js";
import {
  isIosVppApp,
  isMacOsVppApp,
  type GroupRecord,
  type OtherMobileAppRecord,
  type AssignedLicenseRecord,
  type IosDeviceRecord,
  type IosVppAppRecord,
  type IosVppAppRevokeLicensesActionResult,
  type MobileAppRecord,
  type RevokeActionResult,
  type VppTokenActionFailureReason,
  type VppTokenRecord,
  type VppTokenRevokeLicensesActionResult,
} from "./vpp-records.js";

/** Each bulk revoke fails on one license in this many, at a fixed position: runs repeat. */
const failureEvery = 25;
const failurePosition = 12;
/** A running revoke reports progress in at most this many steps. */
const maxSteps = 10;
/** Results kept per token or app; the oldest finished ones go first. */
const resultHistory = 20;

export type AppRevokeTarget =
  { kind: "user"; userId: string } | { kind: "device"; managedDeviceId: string } | { kind: "all" };

export type StartOutcome = { ok: true } | { ok: false; reason: "inProgress" | "notAssigned" };

/** How real the revoke is: the names it writes and what happens after (realistic profile). */
export interface RevokeRealism {
  names: Readonly<ActionNames>;
  /** A revoked license still counts in usedLicenseCount this long. */
  countDelayMs: number;
  /** A member of a group the app is assigned to gets the license back this much later. */
  relicenseAfterMs: number | undefined;
  /** The token's revoke also reaches its macOS VPP apps' licenses. */
  includeMacOs: boolean;
}

export const demoRealism: Readonly<RevokeRealism> = Object.freeze({
  names: usualActionNames,
  countDelayMs: 0,
  relicenseAfterMs: undefined,
  includeMacOs: false,
});

interface LicenseRef {
  app: IosVppAppRecord;
  licenseId: string;
}

interface RevokeJob {
  /** The token or app the result belongs to: one bulk revoke runs on each at a time. */
  owner: VppTokenRecord | IosVppAppRecord;
  result: RevokeActionResult;
  token: VppTokenRecord | undefined;
  bulk: boolean;
  activeAt: number;
  endAt: number;
  /** Set when the action cannot succeed: it fails at `failAt` without touching a license. */
  failure: { reason: VppTokenActionFailureReason; at: number } | undefined;
  items: LicenseRef[];
  untracked: number;
  /** macOS VPP apps whose (counted) licenses come after the items, before the untracked. */
  macApps: OtherMobileAppRecord[];
  realism: Readonly<RevokeRealism>;
  steps: number;
  appliedSteps: number;
  processed: number;
}

interface RelicenseJob {
  app: IosVppAppRecord;
  license: AssignedLicenseRecord;
  at: number;
}

interface SyncJob {
  token: VppTokenRecord;
  endAt: number;
}

/**
 * The VPP tokens, apps and devices, and the actions running on them. Time moves lazily: every
 * read calls `advance()`, which applies each job's steps up to now with the timestamps they
 * would have had, so no timers outlive the simulator and results are exact.
 */
export class VppState {
  private readonly revokeJobs: RevokeJob[] = [];
  private readonly syncJobs: SyncJob[] = [];
  private readonly relicenseJobs: RelicenseJob[] = [];
  private groupList: readonly GroupRecord[] = [];

  constructor(
    private readonly tokenList: VppTokenRecord[],
    private readonly appList: MobileAppRecord[],
    readonly devices: readonly IosDeviceRecord[],
  ) {}

  /** Seeding only: the groups apps are assigned to. */
  setGroups(groups: readonly GroupRecord[]): void {
    this.groupList = groups;
  }

  groups(): readonly GroupRecord[] {
    return this.groupList;
  }

  macOsAppsOfToken(token: VppTokenRecord): OtherMobileAppRecord[] {
    return this.appList
      .filter(isMacOsVppApp)
      .filter((a) => a.typeProperties.vppTokenId === token.id);
  }

  /** Seeding only: an app generated after the rest (the large tenant's own apps). */
  addApp(app: MobileAppRecord): void {
    this.appList.push(app);
  }

  tokens(now = Date.now()): readonly VppTokenRecord[] {
    this.advance(now);
    return this.tokenList;
  }

  apps(now = Date.now()): readonly MobileAppRecord[] {
    this.advance(now);
    return this.appList;
  }

  findToken(id: string, now = Date.now()): VppTokenRecord | undefined {
    const key = id.toLowerCase();
    return this.tokens(now).find((t) => t.id === key);
  }

  findApp(id: string, now = Date.now()): MobileAppRecord | undefined {
    const key = id.toLowerCase();
    return this.apps(now).find((a) => a.id === key);
  }

  tokenOf(app: IosVppAppRecord): VppTokenRecord | undefined {
    return this.tokenList.find((t) => t.id === app.vppTokenId);
  }

  appsOfToken(token: VppTokenRecord): IosVppAppRecord[] {
    return this.appList.filter(isIosVppApp).filter((a) => a.vppTokenId === token.id);
  }

  /** POST vppTokens/{id}/revokeLicenses: every license of every app of the token. */
  startTokenRevoke(
    token: VppTokenRecord,
    options: { revokeUntrackedLicenses: boolean },
    timing: VppTiming,
    now = Date.now(),
    realism: Readonly<RevokeRealism> = demoRealism,
  ): StartOutcome {
    this.advance(now);
    if (this.revokeJobs.some((j) => j.bulk && j.owner === token)) {
      return { ok: false, reason: "inProgress" };
    }
    const result: VppTokenRevokeLicensesActionResult = {
      "@odata.type": "#microsoft.graph.vppTokenRevokeLicensesActionResult",
      ...freshResult(realism.names.tokenRevoke, now),
    };
    token.tokenActionResults.push(result);
    trim(token.tokenActionResults);
    const items = this.appsOfToken(token).flatMap((app) =>
      app.licenses.map((l) => ({ app, licenseId: l.id })),
    );
    this.revokeJobs.push(
      this.job(token, result, token, true, items, timing.vppRevokeSeconds, now, {
        untracked: options.revokeUntrackedLicenses ? token.untrackedLicenseCount : 0,
        macApps: realism.includeMacOs ? this.macOsAppsOfToken(token) : [],
        realism,
      }),
    );
    return { ok: true };
  }

  /** POST mobileApps/{id}/revokeUserLicense, revokeDeviceLicense or revokeAllLicenses. */
  startAppRevoke(
    app: IosVppAppRecord,
    target: AppRevokeTarget,
    timing: VppTiming,
    now = Date.now(),
    realism: Readonly<RevokeRealism> = demoRealism,
  ): StartOutcome {
    this.advance(now);
    const licenses = app.licenses.filter((l) => matches(l, target));
    if (target.kind !== "all" && licenses.length === 0) return { ok: false, reason: "notAssigned" };
    const actionName = realism.names[target.kind];
    if (target.kind === "all" && this.revokeJobs.some((j) => j.bulk && j.owner === app)) {
      return { ok: false, reason: "inProgress" };
    }
    const result: IosVppAppRevokeLicensesActionResult = {
      userId: target.kind === "user" ? target.userId : null,
      managedDeviceId: target.kind === "device" ? target.managedDeviceId : null,
      ...freshResult(actionName, now),
    };
    app.revokeLicenseActionResults.push(result);
    trim(app.revokeLicenseActionResults);
    const seconds = target.kind === "all" ? timing.appRevokeAllSeconds : timing.appRevokeSeconds;
    const items = licenses.map((l) => ({ app, licenseId: l.id }));
    this.revokeJobs.push(
      this.job(app, result, this.tokenOf(app), target.kind === "all", items, seconds, now, {
        untracked: 0,
        macApps: [],
        realism,
      }),
    );
    return { ok: true };
  }

  /** POST vppTokens/{id}/syncLicenses: inProgress now, completed (or failed) later. */
  startSync(token: VppTokenRecord, timing: VppTiming, now = Date.now()): void {
    this.advance(now);
    if (token.lastSyncStatus === "inProgress") return;
    token.lastSyncStatus = "inProgress";
    this.syncJobs.push({ token, endAt: now + timing.vppSyncSeconds * 1000 });
  }

  /** Applies everything that has happened by `now`. */
  advance(now = Date.now()): void {
    for (const job of [...this.revokeJobs]) {
      if (this.advanceRevoke(job, now)) this.revokeJobs.splice(this.revokeJobs.indexOf(job), 1);
    }
    for (const job of [...this.syncJobs]) {
      if (now < job.endAt) continue;
      const failed = failureReason(job.token, job.endAt) !== "none";
      job.token.lastSyncStatus = failed ? "failed" : "completed";
      if (!failed) job.token.lastSyncDateTime = graphDateTime(job.endAt);
      this.syncJobs.splice(this.syncJobs.indexOf(job), 1);
    }
    for (const job of [...this.relicenseJobs]) {
      if (now < job.at) continue;
      this.relicenseJobs.splice(this.relicenseJobs.indexOf(job), 1);
      if (job.app.licenses.some((l) => sameHolder(l, job.license))) continue;
      job.app.licenses.push(job.license);
      job.app.lastModifiedDateTime = graphDateTime(job.at);
    }
  }

  /** The app is assigned (Required or Available) to a group the user belongs to. */
  isAssignedTo(app: IosVppAppRecord, userId: string): boolean {
    const key = userId.toLowerCase();
    return (app.assignments ?? []).some(
      (a) =>
        (a.intent === "required" || a.intent === "available") &&
        this.groupList.some((g) => g.id === a.groupId && g.memberIds.has(key)),
    );
  }

  private job(
    owner: VppTokenRecord | IosVppAppRecord,
    result: RevokeActionResult,
    token: VppTokenRecord | undefined,
    bulk: boolean,
    items: LicenseRef[],
    seconds: number,
    now: number,
    extra: { untracked: number; macApps: OtherMobileAppRecord[]; realism: Readonly<RevokeRealism> },
  ): RevokeJob {
    const durationMs = seconds * 1000;
    const reason = token === undefined ? "internalError" : failureReason(token, now);
    const total = items.length + macLicenseCount(extra.macApps) + extra.untracked;
    return {
      owner,
      result,
      token,
      bulk,
      activeAt: now + durationMs / 6,
      endAt: now + durationMs,
      // Intune finds out from Apple that the token is unusable within a second or two.
      failure: reason === "none" ? undefined : { reason, at: now + Math.min(1500, durationMs / 4) },
      items,
      untracked: extra.untracked,
      macApps: extra.macApps,
      realism: extra.realism,
      steps: Math.max(1, Math.min(maxSteps, total)),
      appliedSteps: 0,
      processed: 0,
    };
  }

  /** Returns true when the job has finished. */
  private advanceRevoke(job: RevokeJob, now: number): boolean {
    const { result } = job;
    if (job.failure !== undefined) {
      if (now < job.failure.at) return false;
      result.actionState = "failed";
      result.actionFailureReason = job.failure.reason;
      result.lastUpdatedDateTime = graphDateTime(job.failure.at);
      return true;
    }
    if (now < job.activeAt) return false;
    if (result.actionState === "pending") {
      result.actionState = "active";
      result.lastUpdatedDateTime = graphDateTime(job.activeAt);
    }
    const total = job.items.length + macLicenseCount(job.macApps) + job.untracked;
    const stepMs = (job.endAt - job.activeAt) / job.steps;
    const reached =
      now >= job.endAt ? job.steps : Math.min(job.steps, Math.floor((now - job.activeAt) / stepMs));
    for (let step = job.appliedSteps + 1; step <= reached; step += 1) {
      const upTo = Math.ceil((step * total) / job.steps);
      const at = job.activeAt + step * stepMs;
      for (; job.processed < upTo; job.processed += 1) this.revokeOne(job, job.processed, at);
      result.totalLicensesCount = job.processed;
      result.lastUpdatedDateTime = graphDateTime(job.activeAt + step * stepMs);
      job.appliedSteps = step;
    }
    if (now < job.endAt) return false;
    result.actionState = "done";
    result.lastUpdatedDateTime = graphDateTime(job.endAt);
    return true;
  }

  private revokeOne(job: RevokeJob, index: number, at: number): void {
    const ref = job.items[index];
    if (ref === undefined) {
      const mac = job.macApps.find((a) => macLicenses(a) > 0);
      if (mac !== undefined) {
        mac.typeProperties.usedLicenseCount = macLicenses(mac) - 1;
        return;
      }
      // An untracked license: Apple revokes it; Intune never listed it.
      if (job.token !== undefined && job.token.untrackedLicenseCount > 0) {
        job.token.untrackedLicenseCount -= 1;
      }
      return;
    }
    const position = ref.app.licenses.findIndex((l) => l.id === ref.licenseId);
    if (position === -1) return;
    if (job.bulk && index % failureEvery === failurePosition) {
      job.result.failedLicensesCount += 1;
      return;
    }
    const [license] = ref.app.licenses.splice(position, 1);
    ref.app.lastModifiedDateTime = job.result.lastUpdatedDateTime;
    const { countDelayMs, relicenseAfterMs } = job.realism;
    if (countDelayMs > 0) (ref.app.countedUntil ??= []).push(at + countDelayMs);
    if (
      license !== undefined &&
      relicenseAfterMs !== undefined &&
      license.userId !== null &&
      this.isAssignedTo(ref.app, license.userId)
    ) {
      this.relicenseJobs.push({ app: ref.app, license, at: at + relicenseAfterMs });
    }
  }
}

function macLicenses(app: OtherMobileAppRecord): number {
  const count = app.typeProperties.usedLicenseCount;
  return typeof count === "number" ? count : 0;
}

function macLicenseCount(apps: readonly OtherMobileAppRecord[]): number {
  return apps.reduce((sum, app) => sum + macLicenses(app), 0);
}

function sameHolder(a: AssignedLicenseRecord, b: AssignedLicenseRecord): boolean {
  return a.kind === b.kind && a.userId === b.userId && a.managedDeviceId === b.managedDeviceId;
}

function matches(license: AssignedLicenseRecord, target: AppRevokeTarget): boolean {
  switch (target.kind) {
    case "all":
      return true;
    case "user":
      return (
        license.kind === "user" && license.userId?.toLowerCase() === target.userId.toLowerCase()
      );
    case "device":
      return (
        license.kind === "device" &&
        license.managedDeviceId?.toLowerCase() === target.managedDeviceId.toLowerCase()
      );
  }
}

function freshResult(actionName: string, now: number) {
  const at = graphDateTime(now);
  return {
    actionName,
    actionState: "pending",
    startDateTime: at,
    lastUpdatedDateTime: at,
    totalLicensesCount: 0,
    failedLicensesCount: 0,
    actionFailureReason: "none",
  } as const satisfies Partial<RevokeActionResult>;
}

function isRunning(result: RevokeActionResult): boolean {
  return result.actionState === "pending" || result.actionState === "active";
}

function trim(results: RevokeActionResult[]): void {
  while (results.length > resultHistory) {
    const oldest = results.findIndex((r) => !isRunning(r));
    if (oldest === -1) return;
    results.splice(oldest, 1);
  }
}

/** Why an action on this token cannot reach Apple, or "none". */
function failureReason(token: VppTokenRecord, now: number): VppTokenActionFailureReason {
  if (token.state === "expired" || Date.parse(token.expirationDateTime) <= now) {
    return "expiredVppToken";
  }
  // Another MDM owns the token (or Apple rejects it): Apple refuses the calls.
  return token.state === "valid" ? "none" : "appleFailure";
}

// Prints one line, `N passed, N failed`, summed over the vitest and Playwright JSON reports.
// A suite that should have run but left no report counts as one failure, so a crash before
// the tests cannot pass for green. Before it, one line per suite with its wall time (and for
// vitest how many files ran at once at most: 1 would mean the suite ran file by file).
import { existsSync, readFileSync } from "node:fs";

const reports = [
  { name: "vitest", file: "test-results/vitest.json", read: readVitest },
  { name: "release", file: "e2e/test-results/release.json", read: readPlaywright },
  { name: "e2e", file: "e2e/test-results/e2e.json", read: readPlaywright },
];

const seconds = (ms) => `${Math.round(ms / 1000)} s`;

function readVitest(json) {
  const files = (json.testResults ?? []).filter((f) => f.startTime && f.endTime);
  const start = Math.min(...files.map((f) => f.startTime));
  const end = Math.max(...files.map((f) => f.endTime));
  // The most files running at one moment: walk the starts and ends in time order.
  const edges = files.flatMap((f) => [
    [f.startTime, 1],
    [f.endTime, -1],
  ]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let running = 0;
  let most = 0;
  for (const [, step] of edges) most = Math.max(most, (running += step));
  return {
    passed: json.numPassedTests ?? 0,
    failed: json.numFailedTests ?? 0,
    detail: files.length
      ? `${seconds(end - start)}, at most ${most} ${most === 1 ? "file" : "files"} at once`
      : "no files",
  };
}

function readPlaywright(json) {
  const s = json.stats ?? {};
  return {
    passed: s.expected ?? 0,
    failed: (s.unexpected ?? 0) + (s.flaky ?? 0),
    detail: seconds(s.duration ?? 0),
  };
}

let passed = 0;
let failed = 0;
for (const report of reports) {
  if (!existsSync(report.file)) {
    console.error(`${report.name}: no report at ${report.file}`);
    failed += 1;
    continue;
  }
  const counts = report.read(JSON.parse(readFileSync(report.file, "utf8")));
  console.log(`${report.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.detail}`);
  passed += counts.passed;
  failed += counts.failed;
}
console.log(`${passed} passed, ${failed} failed`);

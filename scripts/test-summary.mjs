// Prints one line, `N passed, N failed`, summed over the vitest and Playwright JSON reports.
// A suite that should have run but left no report counts as one failure, so a crash before
// the tests cannot pass for green.
import { existsSync, readFileSync } from "node:fs";

const reports = [
  { name: "vitest", file: "test-results/vitest.json", read: readVitest },
  { name: "e2e", file: "e2e/test-results/e2e.json", read: readPlaywright },
];

function readVitest(json) {
  return { passed: json.numPassedTests ?? 0, failed: json.numFailedTests ?? 0 };
}

function readPlaywright(json) {
  const s = json.stats ?? {};
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0) };
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
  passed += counts.passed;
  failed += counts.failed;
}
console.log(`${passed} passed, ${failed} failed`);

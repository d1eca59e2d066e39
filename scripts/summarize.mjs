#!/usr/bin/env node
// Prints "<suite>: N passed, M failed" from a vitest or Playwright JSON report; a missing report is a failure.
import { existsSync, readFileSync } from 'node:fs';

const [suite, file] = process.argv.slice(2);

function countPlaywright(report) {
  const s = report.stats;
  return { passed: s.expected + (s.flaky ?? 0), failed: s.unexpected, skipped: s.skipped ?? 0 };
}

function countVitest(report) {
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numFailedTestSuites ?? 0) * (report.numTotalTests === 0 ? 1 : 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

let counts = { passed: 0, failed: 1, skipped: 0 };
if (file && existsSync(file)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  counts = report.stats ? countPlaywright(report) : countVitest(report);
  if (counts.passed + counts.failed === 0) counts.failed = 1; // a suite that ran nothing has failed
} else {
  console.error(`[summary] no report for ${suite} at ${file}: the suite did not run to the end`);
}
console.log(`${suite}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(counts.failed > 0 ? 1 : 0);

/** Median and tail of a sample of durations in milliseconds. */
export interface Summary {
  n: number;
  median: number;
  p99: number;
  mean: number;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return {
    n: sorted.length,
    median: at(0.5),
    p99: at(0.99),
    mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1),
  };
}

export function formatRow(name: string, s: Summary): string {
  return `${name.padEnd(44)} ${s.median.toFixed(2).padStart(9)} ${s.p99.toFixed(2).padStart(9)} ${s.mean.toFixed(2).padStart(9)}`;
}

/** The header of a table of formatRow lines, `label` naming the first column. */
export function formatHeader(label = 'measure'): string {
  return `${label.padEnd(44)} ${'median'.padStart(9)} ${'p99'.padStart(9)} ${'mean'.padStart(9)}`;
}

/** A header and one row per named summary. */
export function printTable(results: Record<string, Summary>): void {
  console.log(formatHeader());
  for (const [name, summary] of Object.entries(results)) console.log(formatRow(name.slice(0, 44), summary));
}

/** Runs a benchmark's main, exiting non-zero with the error when it fails. */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

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

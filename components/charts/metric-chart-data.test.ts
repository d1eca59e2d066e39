import { describe, expect, it } from 'vitest';

import { buildDatasets, lastTime, latestRows, leftAxisTop, timeBounds, timeTickFormatter, type ChartSeries } from './metric-chart-data';

const m = (time: string, value: number) => ({ time, granularity: 60, value });

const CPU: ChartSeries = {
  key: 'aggregate',
  label: 'Mean CPU',
  measures: [m('2026-11-21T23:40:00.000Z', 2), m('2026-11-21T23:41:00.000Z', 97)],
};
const MEMBERS: ChartSeries = {
  key: 'members',
  label: 'Members',
  axis: 'right',
  stepped: true,
  measures: [m('2026-11-21T23:39:00.000Z', 1), m('2026-11-21T23:41:00.000Z', 2)],
};

describe('MetricChart data', () => {
  it('builds one dataset per series with epoch-ms points, its axis and a colour', () => {
    const [cpu, members] = buildDatasets([CPU, MEMBERS]);
    expect(cpu).toMatchObject({ key: 'aggregate', yAxisID: 'y', stepped: false });
    expect(cpu!.data).toEqual([
      { x: Date.parse('2026-11-21T23:40:00Z'), y: 2 },
      { x: Date.parse('2026-11-21T23:41:00Z'), y: 97 },
    ]);
    expect(members).toMatchObject({ yAxisID: 'y2', stepped: true });
    expect(cpu!.color).not.toBe(members!.color);
  });

  it('spans the x axis over points and markers', () => {
    const datasets = buildDatasets([CPU]);
    expect(timeBounds(datasets, [{ time: '2026-11-21T23:45:00.000Z', label: 'scaled' }])).toEqual({
      min: Date.parse('2026-11-21T23:40:00Z'),
      max: Date.parse('2026-11-21T23:45:00Z'),
    });
    expect(timeBounds([], [])).toBeNull();
  });

  it('keeps thresholds visible on the left axis', () => {
    const datasets = buildDatasets([CPU, MEMBERS]);
    expect(leftAxisTop(datasets, [{ value: 50, label: 'high' }], true)).toEqual({ max: 100 });
    expect(leftAxisTop(buildDatasets([{ ...CPU, measures: [m('2026-11-21T23:40:00Z', 130)] }]), [], true)).toEqual({ max: 130 });
    expect(leftAxisTop(datasets, [{ value: 800_000_000, label: 'high' }], false)).toEqual({ suggestedMax: 800_000_000 * 1.1 });
    expect(leftAxisTop(datasets, [], false)).toEqual({});
  });

  it('tabulates the latest instants newest first with every series (null where a series has no point)', () => {
    const rows = latestRows([CPU, MEMBERS], 2);
    expect(rows).toEqual([
      { time: '2026-11-21T23:41:00.000Z', values: [97, 2] },
      { time: '2026-11-21T23:40:00.000Z', values: [2, null] },
    ]);
    expect(lastTime([CPU, MEMBERS])).toBe('2026-11-21T23:41:00.000Z');
    expect(lastTime([])).toBeNull();
  });

  it('formats time ticks by locale, with seconds on short spans', () => {
    const at = Date.parse('2026-11-21T23:41:05Z');
    expect(timeTickFormatter('en', 3_600_000)(at)).not.toMatch(/05/);
    expect(timeTickFormatter('en', 120_000)(at)).toMatch(/05/);
  });
});

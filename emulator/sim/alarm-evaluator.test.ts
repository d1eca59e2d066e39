// The evaluator's decisions (a table of datapoints → state), and what an evaluation leaves:
// history on a transition, actions of the new state, repeats with repeat_actions, and the
// schedule on the simulation clock.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/open-store';
import type { Alarm, AlarmState } from '../store/schema';
import { decideState, evaluateDueAlarms, type AlarmNotification, type EvaluatorDeps } from './alarm-evaluator';
import { formatIsoMicros } from './clock';

const rule = { comparison_operator: 'gt', threshold: 80, evaluation_periods: 3, granularity: 60 };

describe('decideState', () => {
  it.each<[number[], AlarmState, AlarmState | undefined, string | undefined]>([
    [[], 'ok', 'insufficient data', '3 datapoints are unknown'],
    [[90, 95], 'ok', 'insufficient data', '3 datapoints are unknown'],
    [[90, 95, 99], 'ok', 'alarm', 'Transition to alarm due to 3 samples outside threshold, most recent: 99.0'],
    [[10, 90, 95, 99], 'ok', 'alarm', 'Transition to alarm due to 3 samples outside threshold, most recent: 99.0'],
    [[10, 20, 30.5], 'alarm', 'ok', 'Transition to ok due to 3 samples inside threshold, most recent: 30.5'],
    [[80, 80, 80], 'alarm', 'ok', 'Transition to ok due to 3 samples inside threshold, most recent: 80.0'],
    [[90, 20, 95], 'ok', undefined, undefined],
    [[90, 20, 95], 'alarm', undefined, undefined],
    [[20, 20, 95], 'insufficient data', 'alarm', 'Transition to alarm due to 3 samples outside threshold, most recent: 95.0'],
    [[95, 95, 20], 'insufficient data', 'ok', 'Transition to ok due to 3 samples inside threshold, most recent: 20.0'],
  ])('%j from %s → %s', (values, current, state, reason) => {
    const decision = decideState(rule, values, current);
    expect(decision?.state).toBe(state);
    expect(decision?.reason).toBe(reason);
  });

  it('honours each comparison operator', () => {
    const at = (op: string, v: number) => decideState({ comparison_operator: op, threshold: 5, evaluation_periods: 1 }, [v], 'ok')?.state;
    expect([at('lt', 4), at('le', 5), at('eq', 5), at('ne', 4), at('ge', 5), at('gt', 6)]).toEqual(Array(6).fill('alarm'));
    expect([at('lt', 5), at('le', 6), at('eq', 4), at('ne', 5), at('ge', 4), at('gt', 5)]).toEqual(Array(6).fill('ok'));
  });
});

describe('evaluateDueAlarms', () => {
  let dir: string;
  let store: Store;
  let now: number;
  let values: number[];
  let sent: { url: string; body: AlarmNotification }[];
  let windows: { start: number; stop: number }[];
  const start = Date.parse('2026-11-21T10:00:00Z');

  const deps = (): EvaluatorDeps => ({
    repos: store,
    now: () => now,
    measures: async (_repos, _alarm, window) => {
      windows.push(window);
      return values;
    },
    send: async (url, body) => {
      sent.push({ url, body });
    },
  });

  const alarm = (overrides: Partial<Alarm> = {}): Alarm => ({
    id: 'a-1',
    projectId: 'p',
    userId: 'u',
    name: 'cpu',
    description: '',
    type: 'gnocchi_aggregation_by_resources_threshold',
    enabled: true,
    state: 'insufficient data',
    stateReason: 'Not evaluated yet',
    stateTimestamp: formatIsoMicros(start),
    severity: 'low',
    repeatActions: false,
    alarmActions: ['http://heat.test/up'],
    okActions: ['http://heat.test/ok'],
    insufficientDataActions: [],
    timeConstraints: [],
    rule,
    timestamp: formatIsoMicros(start),
    lastEvaluatedAt: null,
    ...overrides,
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zenith-alarm-eval-'));
    store = await openStore(join(dir, 'cloud.db'));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await store.wipe();
    now = start;
    values = [];
    sent = [];
    windows = [];
  });

  it('evaluates nothing before an interval has passed, then once per interval', async () => {
    await store.alarms.insert(alarm());
    expect(await evaluateDueAlarms(deps())).toBe(start + 60_000);
    expect(windows).toEqual([]);
    now = start + 150_000;
    expect(await evaluateDueAlarms(deps())).toBe(start + 180_000);
    // Two evaluations (at +60 s and +120 s), each over evaluation_periods + 1 granularities.
    expect(windows).toEqual([
      { start: start + 60_000 - 240_000, stop: start + 60_000 },
      { start: start + 120_000 - 240_000, stop: start + 120_000 },
    ]);
    expect((await store.alarms.get('a-1'))?.lastEvaluatedAt).toBe(formatIsoMicros(start + 120_000));
  });

  it('records a transition with reason data and sends the new state actions once', async () => {
    await store.alarms.insert(alarm());
    values = [90, 91, 92];
    now = start + 180_000;
    await evaluateDueAlarms(deps());
    const stored = await store.alarms.get('a-1');
    expect(stored).toMatchObject({
      state: 'alarm',
      stateReason: 'Transition to alarm due to 3 samples outside threshold, most recent: 92.0',
      stateTimestamp: formatIsoMicros(start + 60_000),
    });
    expect(sent).toEqual([
      {
        url: 'http://heat.test/up',
        body: {
          alarm_name: 'cpu',
          alarm_id: 'a-1',
          severity: 'low',
          previous: 'insufficient data',
          current: 'alarm',
          reason: 'Transition to alarm due to 3 samples outside threshold, most recent: 92.0',
          reason_data: { type: 'threshold', disposition: 'outside', count: 3, most_recent: 92 },
        },
      },
    ]);
    const history = await store.alarms.history('a-1');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ type: 'state transition', onBehalfOf: 'p', severity: 'low' });
    expect(JSON.parse(history[0]!.detail)).toEqual({
      state: 'alarm',
      transition_reason: 'Transition to alarm due to 3 samples outside threshold, most recent: 92.0',
      reason_data: { type: 'threshold', disposition: 'outside', count: 3, most_recent: 92 },
    });

    values = [10, 10, 10];
    now += 60_000;
    await evaluateDueAlarms(deps());
    expect(sent.map((s) => `${s.url} ${s.body.previous}→${s.body.current}`)).toEqual([
      'http://heat.test/up insufficient data→alarm',
      'http://heat.test/ok alarm→ok',
    ]);
    expect((await store.alarms.history('a-1')).map((h) => JSON.parse(h.detail).state)).toEqual(['ok', 'alarm']);
  });

  it('repeats the actions at every evaluation with repeat_actions, without new history', async () => {
    await store.alarms.insert(alarm({ repeatActions: true }));
    values = [90, 91, 92];
    now = start + 180_000;
    await evaluateDueAlarms(deps());
    expect(sent).toHaveLength(3);
    expect(sent.map((s) => s.body.previous)).toEqual(['insufficient data', 'alarm', 'alarm']);
    expect(await store.alarms.history('a-1')).toHaveLength(1);
  });

  it('skips disabled alarms and leaves a mixed window unchanged', async () => {
    await store.alarms.insert(alarm({ id: 'off', name: 'off', enabled: false }));
    await store.alarms.insert(alarm({ id: 'mixed', name: 'mixed', state: 'ok' }));
    values = [90, 10, 90];
    now = start + 600_000;
    await evaluateDueAlarms(deps());
    expect(windows).toHaveLength(10);
    expect((await store.alarms.get('mixed'))?.state).toBe('ok');
    expect((await store.alarms.get('off'))?.lastEvaluatedAt).toBeNull();
    expect(sent).toEqual([]);
  });
});

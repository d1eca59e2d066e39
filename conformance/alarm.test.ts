// python-aodhclient (`openstack alarm ...`) against the embedded cloud's Aodh: create a
// gnocchi_aggregation_by_resources_threshold alarm, list, show, state get/set, history, delete.
// Other files share the cloud, so names are unique.

import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { DEMO, openrcEnv, runOpenstack } from './cli';

const cloudUrl = inject('cloudUrl');
const asDemo = openrcEnv(cloudUrl, DEMO);

type Row = Record<string, unknown>;

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

async function openstack(args: string[], format = true): Promise<unknown> {
  const result = await runOpenstack(format ? [...args, '-f', 'json'] : args, asDemo);
  expect(result.code, result.stderr).toBe(0);
  return result.json;
}

describe('openstack alarm', () => {
  it('create, list, show, state get/set, alarm-history show and delete', async () => {
    const name = unique('cpu-high');
    const created = (await openstack([
      'alarm', 'create', '--name', name,
      '--type', 'gnocchi_aggregation_by_resources_threshold',
      '--metric', 'cpu_util', '--aggregation-method', 'mean', '--granularity', '60',
      '--evaluation-periods', '2', '--threshold', '80', '--comparison-operator', 'gt',
      '--resource-type', 'instance', '--query', '{"=": {"server_group": "web"}}',
      '--alarm-action', 'http://localhost:1/up', '--severity', 'moderate',
    ])) as Row;
    expect(created).toMatchObject({
      name,
      type: 'gnocchi_aggregation_by_resources_threshold',
      state: 'insufficient data',
      severity: 'moderate',
      enabled: true,
      metric: 'cpu_util',
      threshold: 80,
      comparison_operator: 'gt',
    });
    const id = String(created.alarm_id);

    const list = (await openstack(['alarm', 'list'])) as Row[];
    expect(list).toEqual(expect.arrayContaining([expect.objectContaining({ alarm_id: id, name, state: 'insufficient data' })]));

    const shown = (await openstack(['alarm', 'show', id])) as Row;
    expect(shown).toMatchObject({ alarm_id: id, name, aggregation_method: 'mean', resource_type: 'instance' });

    const before = (await openstack(['alarm', 'state', 'get', id])) as Row;
    expect(before).toMatchObject({ state: 'insufficient data' });
    const set = (await openstack(['alarm', 'state', 'set', '--state', 'alarm', id])) as Row;
    expect(set).toMatchObject({ state: 'alarm' });
    expect(await openstack(['alarm', 'state', 'get', id])).toMatchObject({ state: 'alarm' });

    const updated = (await openstack(['alarm', 'update', '--threshold', '90', id])) as Row;
    expect(updated).toMatchObject({ alarm_id: id, threshold: 90, state: 'alarm' });

    const history = (await openstack(['alarm-history', 'show', id])) as Row[];
    expect(history.map((h) => h.type)).toEqual(['rule change', 'state transition', 'creation']);

    await openstack(['alarm', 'delete', id], false);
    const gone = await runOpenstack(['alarm', 'show', id], asDemo);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain(`Alarm ${id} not found`);
  });

  it('refuses an unknown comparison operator', async () => {
    const result = await runOpenstack(
      [
        'alarm', 'create', '--name', unique('bad'), '--type', 'gnocchi_resources_threshold',
        '--metric', 'cpu_util', '--aggregation-method', 'mean', '--threshold', '1',
        '--resource-type', 'instance', '--resource-id', randomUUID(), '--comparison-operator', 'bigger',
      ],
      asDemo,
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('comparison');
  });

  it('alarm show --name finds the alarm through the complex query', async () => {
    const name = unique('by-name');
    const created = (await openstack([
      'alarm', 'create', '--name', name, '--type', 'gnocchi_resources_threshold', '--metric', 'cpu_util',
      '--aggregation-method', 'mean', '--threshold', '50', '--resource-type', 'instance', '--resource-id', randomUUID(),
    ])) as Row;
    expect(await openstack(['alarm', 'show', '--name', name])).toMatchObject({ alarm_id: created.alarm_id, name });
    await openstack(['alarm', 'delete', '--name', name], false);
  });
});

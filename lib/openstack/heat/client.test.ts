import { describe, expect, it } from 'vitest';

import { useFakeService } from '../fake-service';
import { getStack, heatClient, splitStatus } from './client';

const ID = '3095aefc-09fb-4bc7-b1f0-f21a304e864c';
const STACK = {
  id: ID,
  stack_name: 'autoscaling',
  description: 'scaling demo',
  stack_status: 'CREATE_COMPLETE',
  stack_status_reason: 'Stack CREATE completed successfully',
  creation_time: '2026-11-21T10:00:00Z',
  updated_time: null,
  project: 'a0000000000000000000000000000002',
  tags: null,
  parameters: { flavor: 'm1.tiny', 'OS::stack_id': ID },
  outputs: [{ output_key: 'scale_up_url', description: 'up', output_value: 'http://h/heat-api-cfn/v1/signal/x' }],
  timeout_mins: null,
  disable_rollback: true,
  template_description: 'scaling demo',
};

describe('heat client', () => {
  const fake = useFakeService();

  it('splits joined statuses at the first underscore', () => {
    expect(splitStatus('CREATE_IN_PROGRESS', 'r')).toEqual({ action: 'CREATE', status: 'IN_PROGRESS', reason: 'r' });
    expect(splitStatus('SIGNAL_COMPLETE', null)).toEqual({ action: 'SIGNAL', status: 'COMPLETE', reason: '' });
  });

  it('follows the redirect from a stack name to its canonical path', async () => {
    const base = `${fake.url}/heat-api/v1/p`;
    fake.on('GET /heat-api/v1/p/stacks/autoscaling', { status: 302, headers: { location: `${base}/stacks/autoscaling/${ID}` } });
    fake.on(`GET /heat-api/v1/p/stacks/autoscaling/${ID}`, { status: 200, body: { stack: STACK } });
    const stack = await getStack(heatClient(base, 'tok'), 'autoscaling');
    expect(stack).toMatchObject({ id: ID, name: 'autoscaling', action: 'CREATE', status: 'COMPLETE', disableRollback: true });
    expect(stack.outputs[0]).toEqual({ key: 'scale_up_url', description: 'up', value: 'http://h/heat-api-cfn/v1/signal/x', error: null });
    expect(stack.parameters.map((p) => p.name)).toEqual(['flavor', 'OS::stack_id']);
  });

  it('refuses a redirect that leaves the orchestration endpoint', async () => {
    const base = `${fake.url}/heat-api/v1/p`;
    fake.on('GET /heat-api/v1/p/stacks/x', { status: 302, headers: { location: 'http://elsewhere.example/stacks/x/1' } });
    await expect(getStack(heatClient(base, 'tok'), 'x')).rejects.toThrow(/redirected outside/);
  });
});

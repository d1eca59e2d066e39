import { describe, expect, it } from 'vitest';

import type { StackOutput } from '../openstack/heat/types';
import { classifyOutput, outputAction } from './stack-detail-outputs';

const P = 'p-demo';
const endpoints = { orchestration: `http://cloud.test:8788/heat-api/v1/${P}`, cloudformation: 'http://cloud.test:8788/heat-api-cfn/v1' };
const out = (key: string, value: unknown, error: string | null = null): StackOutput => ({ key, description: '', value, error });
const kindOf = (key: string, value: unknown) => classifyOutput(out(key, value), endpoints, P);
const signal = `http://cloud.test:8788/heat-api/v1/${P}/stacks/web/id-1/resources/scaleup_policy/signal`;
const alarmUrl = `http://cloud.test:8788/heat-api-cfn/v1/signal/${encodeURIComponent(`arn:openstack:heat::${P}:stacks/web/id-1/resources/scale_down`)}?Signature=x`;

describe('stack outputs', () => {
  it('name their button from up/down/in/out words in the output name', () => {
    expect(outputAction('scale_up_url')).toBe('scaleUp');
    expect(outputAction('scaleup_policy_signal_url')).toBe('scaleUp');
    expect(outputAction('ScaleOutURL')).toBe('scaleUp');
    expect(outputAction('scale_dn_url')).toBe('scaleDown');
    expect(outputAction('scaledown_policy_signal_url')).toBe('scaleDown');
    expect(outputAction('scale-in')).toBe('scaleDown');
    expect(outputAction('policy_url')).toBe('signal');
    expect(outputAction('up_or_down')).toBe('signal');
    expect(outputAction('login_url')).toBe('signal');
  });

  it('are signal buttons only for URLs the guard accepts', () => {
    expect(kindOf('scaleup_policy_signal_url', signal)).toMatchObject({ kind: 'signal', action: 'scaleUp' });
    expect(kindOf('scale_down_url', alarmUrl)).toMatchObject({ kind: 'signal', action: 'scaleDown' });
    expect(kindOf('scale_up_url', signal.replace('cloud.test', 'evil.test'))).toMatchObject({ kind: 'text', refused: 'host' });
    expect(kindOf('scale_up_url', signal.replace(`/v1/${P}/`, '/v1/p-other/'))).toMatchObject({ kind: 'text', refused: 'other_project' });
  });

  it('render http and https as links, other schemes as text, objects and lists as JSON', () => {
    expect(kindOf('site', 'https://example.com/app').kind).toBe('link');
    expect(kindOf('site', 'http://192.0.2.10/').kind).toBe('link');
    expect(kindOf('site', 'javascript:alert(1)').kind).toBe('text');
    expect(kindOf('site', 'ftp://example.com/x').kind).toBe('text');
    expect(kindOf('site', 'file:///etc/passwd').kind).toBe('text');
    expect(kindOf('ips', ['192.0.2.1']).kind).toBe('json');
    expect(kindOf('show', { id: 'x' }).kind).toBe('json');
    expect(kindOf('n', 3).kind).toBe('text');
    expect(kindOf('n', null).kind).toBe('text');
    expect(classifyOutput(out('broken', null, 'The Referenced Attribute is invalid'), endpoints, P).kind).toBe('text');
  });
});

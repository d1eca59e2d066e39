import { describe, expect, it } from 'vitest';

import { formFromParams, troubleshootParams, troubleshootSchema } from './troubleshoot';

const base = { source: 'internet', address: '203.0.113.5', destination: 'web-id', protocol: 'tcp', port: '22' } as const;
const problem = (input: Record<string, unknown>) => {
  const result = troubleshootSchema.safeParse(input);
  return result.success ? null : result.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('the troubleshooter’s question', () => {
  it('reads the form’s text into a query', () => {
    expect(troubleshootSchema.parse(base)).toEqual({
      source: { kind: 'internet', address: '203.0.113.5' }, destinationServerId: 'web-id', protocol: 'tcp', port: 22, icmpType: null, icmpCode: null,
    });
    expect(troubleshootSchema.parse({ ...base, address: '' }).source).toEqual({ kind: 'internet', address: '203.0.113.5' });
    expect(troubleshootSchema.parse({ ...base, protocol: 'icmp', port: '' })).toMatchObject({ port: null, icmpType: 8, icmpCode: 0 });
    expect(troubleshootSchema.parse({ ...base, source: 'cidr', cidr: '198.51.100.7/24' }).source).toEqual({ kind: 'cidr', cidr: '198.51.100.0/24' });
    expect(troubleshootSchema.parse({ ...base, port: 443 }).port).toBe(443);
  });

  it.each<[Record<string, unknown>, string[]]>([
    [{ ...base, address: '203.0.113' }, ['address:not_an_address']],
    [{ ...base, source: 'cidr', cidr: '' }, ['cidr:cidr_required']],
    [{ ...base, source: 'cidr', cidr: '10.0.0.0/33' }, ['cidr:not_a_cidr']],
    [{ ...base, source: 'instance' }, ['sourceServer:source_server_required']],
    [{ ...base, source: 'instance', sourceServer: 'web-id' }, ['sourceServer:same_instance']],
    [{ ...base, destination: '' }, ['destination:destination_required']],
    [{ ...base, destination: '../admin' }, ['destination:not_an_id']],
    [{ ...base, port: '' }, ['port:port_required']],
    [{ ...base, port: '0' }, ['port:port_range']],
    [{ ...base, port: '65536' }, ['port:port_range']],
    [{ ...base, port: '22a' }, ['port:not_a_number']],
    [{ ...base, protocol: 'icmp', icmpType: '256' }, ['icmpType:icmp_range']],
    [{ ...base, protocol: 'icmp', icmpCode: '-1' }, ['icmpCode:not_a_number']],
    [{ ...base, protocol: 'gre' }, ['protocol:protocol_required']],
  ])('refuses %j at its field', (input, expected) => {
    expect(problem(input)).toEqual(expected);
  });

  it('round-trips through URL parameters, with the page’s defaults', () => {
    const query = troubleshootSchema.parse({ ...base, protocol: 'icmp', icmpType: '3', icmpCode: '1' });
    const form = formFromParams(Object.fromEntries(troubleshootParams(query)));
    expect(troubleshootSchema.parse(form)).toEqual(query);
    expect(formFromParams({ destination: 'x' })).toMatchObject({ source: 'internet', address: '203.0.113.5', protocol: 'tcp', port: '22' });
  });
});

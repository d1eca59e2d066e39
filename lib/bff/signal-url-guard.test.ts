import { describe, expect, it } from 'vitest';

import { checkSignalUrl, looksLikeSignalUrl } from './signal-url-guard';

const P = 'a0000000000000000000000000000002';
const OTHER = 'a0000000000000000000000000000001';
const endpoints = { orchestration: `http://cloud.test:8788/heat-api/v1/${P}`, cloudformation: 'http://cloud.test:8788/heat-api-cfn/v1' };
const native = `http://cloud.test:8788/heat-api/v1/${P}/stacks/web/5f1c/resources/scaleup_policy/signal`;
const arn = (tenant: string, rest = 'stacks/web/5f1c/resources/scale_up') => encodeURIComponent(`arn:openstack:heat::${tenant}:${rest}`);
const cfn = (tenant = P, rest?: string) =>
  `http://cloud.test:8788/heat-api-cfn/v1/signal/${arn(tenant, rest)}?SignatureMethod=HmacSHA256&SignatureVersion=2&AWSAccessKeyId=k&Signature=s%3D`;
const check = (url: string) => checkSignalUrl(url, endpoints, P);
const reason = (url: string) => {
  const result = check(url);
  return result.ok ? 'accepted' : result.reason;
};

describe('the signal URL guard', () => {
  it('accepts the native signal_url of the user’s project, to be sent with the token', () => {
    expect(check(native)).toEqual({ ok: true, via: 'native', url: native, stackName: 'web', stackId: '5f1c', resource: 'scaleup_policy' });
  });

  it('accepts the pre-signed alarm_url whose ARN names the user’s project, to be sent without a token', () => {
    expect(check(cfn())).toMatchObject({ ok: true, via: 'cfn', stackName: 'web', stackId: '5f1c', resource: 'scale_up' });
    expect((check(cfn()) as { url: string }).url).toBe(cfn());
  });

  it('refuses other projects, in the path or in the ARN', () => {
    expect(reason(native.replace(P, OTHER))).toBe('other_project');
    expect(reason(native.replace(P, `${P}0`))).toBe('other_project');
    expect(reason(cfn(OTHER))).toBe('other_project');
  });

  it('refuses other hosts, schemes and ports, and credentials in the URL', () => {
    expect(reason(native.replace('cloud.test', 'evil.test'))).toBe('host');
    expect(reason(native.replace('cloud.test:8788', 'cloud.test.evil.test:8788'))).toBe('host');
    expect(reason(native.replace('http:', 'https:'))).toBe('scheme');
    expect(reason(native.replace('http:', 'ftp:'))).toBe('scheme');
    expect(reason(`javascript:alert(1)//resources/x/signal`)).toBe('scheme');
    expect(reason(native.replace(':8788', ':8789'))).toBe('port');
    expect(reason(native.replace(':8788', ''))).toBe('port');
    expect(reason(native.replace('http://', 'http://user:pw@'))).toBe('userinfo');
    expect(reason(native.replace('http://cloud.test:8788', 'http://cloud.test:8788@evil.test'))).toBe('userinfo');
    expect(reason(native.replace('http://', 'http://evil.test\\@'))).toBe('not_url');
  });

  it('refuses path traversal, plain or encoded, and encoded separators', () => {
    expect(reason(`http://cloud.test:8788/heat-api/v1/${P}/../${OTHER}/stacks/web/5f1c/resources/p/signal`)).toBe('traversal');
    expect(reason(`http://cloud.test:8788/heat-api/v1/${P}/stacks/web/5f1c/resources/%2e%2e/signal`)).toBe('traversal');
    expect(reason(`http://cloud.test:8788/heat-api/v1/${P}/stacks/web/5f1c/resources/%2E./signal`)).toBe('traversal');
    expect(reason(`http://cloud.test:8788/heat-api/v1/${P}/stacks/web%2F..%2F..%2Fx/5f1c/resources/p/signal`)).toBe('encoded_separator');
    expect(reason(`http://cloud.test:8788/heat-api/v1/${P}/stacks/web%2Fx/5f1c/resources/p/signal`)).toBe('encoded_separator');
    expect(reason(`http://cloud.test:8788/heat-api/v1/${P}/stacks/web%5Cx/5f1c/resources/p/signal`)).toBe('encoded_separator');
    expect(reason(`http://cloud.test:8788/heat-api/v1/${P}/stacks/web%252F/5f1c/resources/p/signal`)).toBe('encoded_separator');
    expect(reason(cfn(P, 'stacks/../5f1c/resources/p'))).toBe('traversal');
  });

  it('refuses URLs on the right endpoint that are not signal paths, and fragments or queries on the native form', () => {
    expect(reason(`http://cloud.test:8788/heat-api/v1/${P}/stacks/web/5f1c`)).toBe('not_signal_path');
    expect(reason(`http://cloud.test:8788/heat-api/v1/${P}/stacks/web/5f1c/resources/p/signal/extra`)).toBe('not_signal_path');
    expect(reason(`http://cloud.test:8788/compute/v2.1/servers/x/resources/p/signal`)).toBe('not_signal_path');
    expect(reason(`${native}?x=1`)).toBe('query');
    expect(reason(`${native}#frag`)).toBe('fragment');
    expect(reason(`http://cloud.test:8788/heat-api-cfn/v1/signal/${encodeURIComponent('arn:openstack:heat::x')}`)).toBe('not_signal_path');
    expect(reason('not a url')).toBe('not_url');
    expect(reason(` ${native}`)).toBe('not_url');
  });

  it('refuses everything when the catalog has neither endpoint', () => {
    expect(checkSignalUrl(native, { orchestration: null, cloudformation: null }, P)).toEqual({ ok: false, reason: 'no_endpoint' });
    expect(checkSignalUrl(cfn(), { orchestration: endpoints.orchestration, cloudformation: null }, P)).toEqual({ ok: false, reason: 'not_signal_path' });
  });

  it('recognises signal-shaped values wherever they point', () => {
    expect(looksLikeSignalUrl(native)).toBe(true);
    expect(looksLikeSignalUrl(cfn())).toBe(true);
    expect(looksLikeSignalUrl('http://evil.test/x/resources/p/signal')).toBe(true);
    expect(looksLikeSignalUrl('http://example.com/docs')).toBe(false);
    expect(looksLikeSignalUrl(42)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { fixture, identity } from './hot-test-support';
import { HotError, locatePath, parse, parseEnvironment, parseTemplate, planStack } from './index';

async function planError(text: string, files: Record<string, string> = {}, env = ''): Promise<HotError> {
  try {
    await planStack({ template: parseTemplate(text, { files }), environment: parseEnvironment(env), identity });
  } catch (e) {
    if (e instanceof HotError) return e;
    throw e;
  }
  throw new Error('planStack did not fail');
}

describe('error positions', () => {
  it('finds a document path in YAML text', () => {
    const text = 'a:\n  b:\n    - x\n    - y: 1\n';
    expect(locatePath(text, ['a', 'b', 1, 'y'])).toEqual({ line: 4, column: 7 });
    expect(locatePath(text, ['a', 'nope'])).toEqual({ line: 1, column: 1 });
  });

  it('places template errors found while parsing', () => {
    const r = parse('heat_template_version: 2014-10-16\nresources:\n  r:\n    type: T\n    propertys: {}\n');
    expect(!r.ok && [r.error.line, r.error.column]).toEqual([5, 5]);
    const s = parse('heat_template_version: 2014-10-16\n\noutput:\n  o: {value: 1}\n');
    expect(!s.ok && [s.error.line, s.error.column]).toEqual([3, 1]);
  });

  it('places plan errors: unknown type, unknown property, bad reference, bad attribute in an output', async () => {
    const head = 'heat_template_version: 2016-10-14\nresources:\n';
    const t = await planError(`${head}  a:\n    type: OS::Nope\n`);
    expect([t.message, t.line, t.column]).toEqual(['The Resource Type (OS::Nope) could not be found.', 4, 5]);
    const p = await planError(`${head}  v:\n    type: OS::Cinder::Volume\n    properties:\n      size: 1\n      sise: 2\n`);
    expect([p.line, p.column]).toEqual([7, 7]);
    const r = await planError(`${head}  v:\n    type: OS::Cinder::Volume\n    properties:\n      name: {get_resource: w}\n`);
    expect([r.line, r.column]).toEqual([6, 14]);
    const o = await planError(`${head}  v: {type: OS::Cinder::Volume}\noutputs:\n  o:\n    value: {get_attr: [v, nope]}\n`);
    expect([o.message, o.line]).toEqual(['The Referenced Attribute (v nope) is incorrect.', 6]);
  });

  it('names the nested template file an error is in', async () => {
    const broken = fixture('rhosp8-cpu/cirros.yaml').replace('flavor: m1.nano', 'flavour: m1.nano');
    const e = await planError(fixture('rhosp8-cpu/example.yaml'), { 'cirros.yaml': broken }, fixture('rhosp8-cpu/environment.yaml'));
    expect(e.message).toBe('Property error: resources.server.properties: Unknown Property flavour');
    expect(e.file).toBe('file:///etc/heat/templates/cirros.yaml');
    expect(e.line).toBe(broken.split('\n').findIndex((l) => l.includes('flavour')) + 1);
  });
});

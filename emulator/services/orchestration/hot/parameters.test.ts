import { describe, expect, it } from 'vitest';
import { identity } from './hot-test-support';
import { displayParameters, emptyEnvironment, parseEnvironment, parseTemplate, resolveParameters, type CustomConstraintResolver } from './index';

const tpl = (params: string) => parseTemplate(`heat_template_version: 2015-04-30\nparameters:\n${params}`);
const resolve = (params: string, given: Record<string, unknown> = {}, resolver?: CustomConstraintResolver) =>
  resolveParameters(tpl(params), emptyEnvironment(), given, identity, resolver);

describe('resolveParameters', () => {
  it('coerces each type and adds the pseudo parameters', async () => {
    const p = await resolve(
      '  n: {type: number}\n  l: {type: comma_delimited_list}\n  j: {type: json}\n  b: {type: boolean}\n  s: {type: string, default: x}\n',
      { n: '42', l: 'a, b,c', j: '{"k": [1]}', b: 'yes' },
    );
    expect(p.n?.value).toBe(42);
    expect(p.l?.value).toEqual(['a', 'b', 'c']);
    expect(p.j?.value).toEqual({ k: [1] });
    expect(p.b?.value).toBe(true);
    expect(p.s?.value).toBe('x');
    expect(p['OS::stack_id']?.value).toBe(identity.stackId);
    expect(p['OS::stack_name']?.value).toBe('example1');
    expect(p['OS::project_id']?.value).toBe('p-demo');
  });

  it('refuses values of the wrong type', async () => {
    await expect(resolve('  n: {type: number}\n', { n: 'ten' })).rejects.toThrow("Parameter 'n' is invalid: Value 'ten' is not a number");
    await expect(resolve('  b: {type: boolean}\n', { b: 'maybe' })).rejects.toThrow('Unrecognized value "maybe"');
    await expect(resolve('  j: {type: json}\n', { j: '{oops' })).rejects.toThrow('Value must be valid JSON');
    await expect(resolve('  x: {type: integer}\n', { x: 1 })).rejects.toThrow('Invalid type (integer)');
  });

  it('says which parameter was not provided, and refuses undeclared ones', async () => {
    await expect(resolve('  key_name: {type: string}\n')).rejects.toThrow('The Parameter (key_name) was not provided.');
    await expect(resolve('  a: {type: string, default: x}\n', { zz: 1 })).rejects.toThrow('The Parameter (zz) was not defined in template.');
  });

  it('takes values from the environment: given > parameters > parameter_defaults > default', async () => {
    const t = tpl('  a: {type: string, default: d}\n  b: {type: string, default: d}\n  c: {type: string, default: d}\n');
    const env = parseEnvironment('parameters:\n  a: env\n  b: env\nparameter_defaults:\n  b: pd\n  c: pd\n');
    const p = await resolveParameters(t, env, { a: 'given' }, identity);
    expect([p.a?.value, p.b?.value, p.c?.value]).toEqual(['given', 'env', 'pd']);
  });

  it('checks length, range, allowed_values, allowed_pattern and modulo', async () => {
    const cases: [string, unknown, string][] = [
      ['{type: string, constraints: [{length: {min: 2, max: 4}}]}', 'abcdef', 'length (6) is out of range (min: 2, max: 4)'],
      ['{type: number, constraints: [{range: {min: 1}}]}', 0, '0 is out of range (min: 1, max: None)'],
      ['{type: string, constraints: [{allowed_values: [m1.tiny, m1.small]}]}', 'm1.huge', '"m1.huge" is not an allowed value [m1.tiny, m1.small]'],
      ['{type: string, constraints: [{allowed_pattern: "[a-z]+"}]}', 'Abc', '"Abc" does not match pattern "[a-z]+"'],
      ['{type: number, constraints: [{modulo: {step: 2, offset: 1}}]}', 4, '4 is not a multiple of 2 with an offset of 1.'],
      ['{type: string, constraints: [{length: {max: 1}, description: Too long!}]}', 'ab', 'Too long!'],
    ];
    for (const [decl, value, message] of cases) {
      await expect(resolve(`  x: ${decl}\n`, { x: value })).rejects.toThrow(`Parameter 'x' is invalid: ${message}`);
    }
    const ok = await resolve('  x: {type: number, constraints: [{range: {min: 1, max: 3}}, {modulo: {step: 2, offset: 1}}]}\n', { x: 3 });
    expect(ok.x?.value).toBe(3);
  });

  it('asks the resolver about custom constraints, after the static checks pass', async () => {
    const asked: string[] = [];
    const resolver: CustomConstraintResolver = {
      async check(constraint, value) {
        asked.push(`${constraint}=${value}`);
        return value === 'm1.nano' ? null : `The Flavor ID (${value}) could not be found.`;
      },
    };
    const decl = '  flavor: {type: string, constraints: [{custom_constraint: nova.flavor}]}\n';
    await expect(resolve(decl, { flavor: 'm9.huge' }, resolver)).rejects.toThrow(
      "Parameter 'flavor' is invalid: Error validating value 'm9.huge': The Flavor ID (m9.huge) could not be found.",
    );
    expect((await resolve(decl, { flavor: 'm1.nano' }, resolver)).flavor?.value).toBe('m1.nano');
    expect(asked).toEqual(['nova.flavor=m9.huge', 'nova.flavor=m1.nano']);
  });

  it('masks hidden parameters for display', async () => {
    const p = await resolve('  pw: {type: string, hidden: true}\n  l: {type: comma_delimited_list, default: "a,b"}\n', { pw: 'secret' });
    const shown = displayParameters(p);
    expect(shown.pw).toBe('******');
    expect(shown.l).toBe('a,b');
    expect(p.pw?.value).toBe('secret');
  });
});

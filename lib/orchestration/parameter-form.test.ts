import { describe, expect, it } from 'vitest';

import type { TemplateParameter } from '../openstack/heat/types';
import { checkParameter, environmentValues, fieldFor, heatParameters, initialValues, parameterValuesSchema } from './parameter-form';

const param = (over: Partial<TemplateParameter>): TemplateParameter => ({
  name: 'p', type: 'string', label: null, description: '', default: undefined, hidden: false, constraints: [], ...over,
});

describe('parameter form model', () => {
  it('choose an input from type and constraints', () => {
    expect(fieldFor(param({ constraints: [{ kind: 'allowed_values', values: ['m1.tiny', 'm1.small'], description: null }] }))).toEqual({ kind: 'select', options: ['m1.tiny', 'm1.small'] });
    expect(fieldFor(param({ constraints: [{ kind: 'custom_constraint', name: 'nova.flavor', description: null }] }))).toEqual({ kind: 'resource', constraint: 'nova.flavor' });
    expect(fieldFor(param({ constraints: [{ kind: 'custom_constraint', name: 'cinder.volume', description: null }] }))).toEqual({ kind: 'text' });
    expect(fieldFor(param({ hidden: true }))).toEqual({ kind: 'password' });
    expect(fieldFor(param({ type: 'boolean' }))).toEqual({ kind: 'boolean' });
    expect(fieldFor(param({ type: 'number' }))).toEqual({ kind: 'number' });
    expect(fieldFor(param({ type: 'json' }))).toEqual({ kind: 'json' });
    expect(fieldFor(param({ type: 'comma_delimited_list' }))).toEqual({ kind: 'list' });
  });

  it('start from defaults as text, hiding hidden ones', () => {
    const params = [param({ name: 'a', default: 3 }), param({ name: 'b', default: ['x', 'y'] }), param({ name: 'c', default: '******', hidden: true }), param({ name: 'd', default: { k: 1 } })];
    expect(initialValues(params)).toEqual({ a: '3', b: 'x,y', c: '', d: '{"k":1}' });
  });

  it('require a value only when there is no default', () => {
    expect(checkParameter(param({}), '')).toBe('param_required');
    expect(checkParameter(param({ default: 'x' }), '')).toBeNull();
    expect(checkParameter(param({ default: '******', hidden: true }), '')).toBeNull();
  });

  it('check types', () => {
    expect(checkParameter(param({ type: 'number' }), 'ten')).toBe('param_number');
    expect(checkParameter(param({ type: 'number' }), '1.5')).toBeNull();
    expect(checkParameter(param({ type: 'boolean' }), 'maybe')).toBe('param_boolean');
    expect(checkParameter(param({ type: 'json' }), '{bad')).toBe('param_json');
  });

  it('check range, length, allowed values and patterns, with the author’s description when given', () => {
    const range = param({ type: 'number', constraints: [{ kind: 'range', min: 1, max: 5, description: null }] });
    expect(checkParameter(range, '6')).toBe('param_range|1|5');
    expect(checkParameter(range, '5')).toBeNull();
    const described = param({ constraints: [{ kind: 'length', min: 2, max: 4, description: 'Two to four letters' }] });
    expect(checkParameter(described, 'abcde')).toBe('Two to four letters');
    const list = param({ type: 'comma_delimited_list', constraints: [{ kind: 'length', min: 1, max: 2, description: null }] });
    expect(checkParameter(list, 'a,b,c')).toBe('param_length|1|2');
    const allowed = param({ constraints: [{ kind: 'allowed_values', values: ['a', 'b'], description: null }] });
    expect(checkParameter(allowed, 'c')).toBe('param_allowed|a, b');
    const pattern = param({ constraints: [{ kind: 'allowed_pattern', pattern: '[a-z]+', description: null }] });
    expect(checkParameter(pattern, 'abc')).toBeNull();
    // Heat requires the pattern to match the whole value.
    expect(checkParameter(pattern, 'abc1')).toBe('param_pattern|[a-z]+');
  });

  it('report every problem at its parameter and send only what Heat needs', () => {
    const params = [param({ name: 'flavor' }), param({ name: 'count', type: 'number', default: 1 })];
    const result = parameterValuesSchema(params).safeParse({ flavor: '', count: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['flavor', 'param_required'], ['count', 'param_number']]);
    expect(heatParameters(params, { flavor: 'm1.tiny', count: '' })).toEqual({ flavor: 'm1.tiny' });
  });
});

describe('environment values', () => {
  it('take parameters over parameter_defaults, as text', () => {
    expect(environmentValues({ parameter_defaults: { a: 1, b: 'x' }, parameters: { a: 2, c: ['p', 'q'] } })).toEqual({ a: '2', b: 'x', c: 'p,q' });
    expect(environmentValues(null)).toEqual({});
  });
});

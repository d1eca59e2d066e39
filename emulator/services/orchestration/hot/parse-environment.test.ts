import { describe, expect, it } from 'vitest';
import { fixture } from './hot-test-support';
import { baseName, createStackRegistry, findFile, mergeEnvironments, parseEnvironment } from './index';

describe('parseEnvironment', () => {
  it('reads the fixture environments', () => {
    expect(parseEnvironment(fixture('rhosp8-cpu/environment.yaml')).resourceRegistry).toEqual({
      'OS::Nova::Server::Cirros': 'file:///etc/heat/templates/cirros.yaml',
    });
    expect(parseEnvironment(fixture('rhosp16-gnocchi/environment.yaml')).resourceRegistry).toEqual({
      'OS::Nova::Server::Cirros': '~/stacks/example1/cirros.yaml',
    });
  });

  it('refuses unknown sections and bad YAML with a position', () => {
    expect(() => parseEnvironment('paramters:\n  a: 1\n')).toThrow('environment has wrong section "paramters"');
    expect(() => parseEnvironment('parameters:\n  a: 1\n   b: 2\n')).toThrow(/line \d+, column \d+/);
    expect(() => parseEnvironment('resource_registry:\n  "My::Type": 5\n')).toThrow('"My::Type" must map to a type or a template file');
  });

  it('merges several environments, the later winning', () => {
    const env = mergeEnvironments([parseEnvironment('parameters: {a: 1, b: 1}\n'), parseEnvironment('parameters: {b: 2}\n')]);
    expect(env.parameters).toEqual({ a: 1, b: 2 });
  });
});

describe('template files and the resource registry', () => {
  it('finds a file by exact name, then by base name', () => {
    const files = { 'cirros.yaml': 'a', 'https://example.com/t/other.yaml': 'b' };
    expect(baseName('file:///etc/heat/templates/cirros.yaml')).toBe('cirros.yaml');
    expect(findFile(files, '~/stacks/example1/cirros.yaml')).toBe('a');
    expect(findFile(files, 'other.yaml')).toBe('b');
    expect(findFile(files, 'third.yaml')).toBeUndefined();
  });

  it('maps a type to another type, or to a template whose parameters and outputs become the schema', () => {
    const env = parseEnvironment(
      'resource_registry:\n  "My::Volume": OS::Cinder::Volume\n  "My::Server": servers/small.yaml\n  "Loop::A": Loop::B\n  "Loop::B": Loop::A\n',
    );
    const files = {
      'small.yaml':
        'heat_template_version: 2014-10-16\nparameters:\n  size: {type: number}\n  name: {type: string, default: s}\noutputs:\n  ip: {value: 1}\n',
    };
    const reg = createStackRegistry(env, files);
    expect(reg.require('My::Volume').type).toBe('OS::Cinder::Volume');
    const s = reg.require('My::Server');
    expect(s.properties).toEqual({ size: { type: 'number', required: true }, name: { type: 'string', default: 's' } });
    expect(s.attributes).toEqual(['ip', 'OS::stack_id']);
    expect(reg.nestedTemplate('My::Server')?.version.date).toBe('2014-10-16');
    expect(() => reg.require('Loop::A')).toThrow('resource_registry maps types in a loop: Loop::A -> Loop::B -> Loop::A');
    expect(() => createStackRegistry(env, {}).require('My::Server')).toThrow(
      'Could not fetch remote template "servers/small.yaml": the file "small.yaml" was not provided.',
    );
  });
});

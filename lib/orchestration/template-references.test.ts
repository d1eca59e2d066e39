import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { baseName, environmentReferences, resolveBundle, templateReferences } from './template-references';

const FIXTURES = join(process.cwd(), 'emulator/services/orchestration/hot/fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

describe('template references', () => {
  it('take the base name of paths and URLs', () => {
    expect(baseName('file:///etc/heat/templates/cirros.yaml')).toBe('cirros.yaml');
    expect(baseName('~/stacks/example1/cirros.yaml')).toBe('cirros.yaml');
    expect(baseName('lb_server.yaml')).toBe('lb_server.yaml');
    expect(baseName('https://example.com/t/web.yaml?v=2')).toBe('web.yaml');
  });

  it('find resource_registry files in an environment, not plugin aliases', () => {
    const env = ['resource_registry:', '  "OS::Nova::Server::Cirros": ~/stacks/example1/cirros.yaml', '  "My::Alias": OS::Nova::Server', '  resources:', '    web: {"OS::Nova::Server": web.yaml}'].join('\n');
    expect(environmentReferences(env).map((r) => r.name)).toEqual(['~/stacks/example1/cirros.yaml', 'web.yaml']);
  });

  it('find file types (also a group member type) and get_file, but not plain types', () => {
    const refs = templateReferences(fixture('rhosp8-webapp/lb-webserver-rhel7.yaml'));
    expect(refs).toContainEqual({ name: 'file:///etc/heat/templates/lb-env.yaml', kind: 'type' });
    expect(refs.every((r) => !r.name.startsWith('OS::'))).toBe(true);
    const withGetFile = ['heat_template_version: 2018-08-31', 'resources:', '  s:', '    type: lb_server.yaml', '    properties: {user_data: {get_file: scripts/boot.sh}}'].join('\n');
    expect(templateReferences(withGetFile)).toEqual([{ name: 'lb_server.yaml', kind: 'type' }, { name: 'scripts/boot.sh', kind: 'get_file' }]);
  });

  it('resolve uploads by base name and key files by the exact reference; a found template is scanned too', () => {
    const template = ['heat_template_version: 2018-08-31', 'resources:', '  a: {type: "OS::Nova::Server::Cirros"}'].join('\n');
    const env = 'resource_registry:\n  "OS::Nova::Server::Cirros": file:///etc/heat/templates/cirros.yaml\n';
    const cirros = ['heat_template_version: 2018-08-31', 'resources:', '  s: {type: OS::Nova::Server, properties: {user_data: {get_file: "file:///etc/heat/boot.sh"}}}'].join('\n');
    const missing = resolveBundle(template, env, { 'cirros.yaml': cirros });
    expect(missing.references).toEqual([
      { name: 'file:///etc/heat/templates/cirros.yaml', kind: 'resource_registry', found: true },
      { name: 'file:///etc/heat/boot.sh', kind: 'get_file', found: false },
    ]);
    const all = resolveBundle(template, env, { 'cirros.yaml': cirros, 'boot.sh': '#!/bin/sh' });
    expect(all.files).toEqual({ 'file:///etc/heat/templates/cirros.yaml': cirros, 'file:///etc/heat/boot.sh': '#!/bin/sh' });
    expect(all.references.every((r) => r.found)).toBe(true);
  });

  it('resolve the seed scenarios with their files', () => {
    const gnocchi = resolveBundle(fixture('rhosp16-gnocchi/template.yaml'), fixture('rhosp16-gnocchi/environment.yaml'), { 'cirros.yaml': fixture('rhosp16-gnocchi/cirros.yaml') });
    expect(Object.keys(gnocchi.files)).toEqual(['~/stacks/example1/cirros.yaml']);
    const cpu = resolveBundle(fixture('rhosp8-cpu/example.yaml'), fixture('rhosp8-cpu/environment.yaml'), {});
    expect(cpu.references).toEqual([{ name: 'file:///etc/heat/templates/cirros.yaml', kind: 'resource_registry', found: false }]);
  });

  it('have nothing to say about text that is not YAML', () => {
    expect(resolveBundle(fixture('rhosp16-gnocchi/template.as-published.yaml'), 'resource_registry: [', {}).references).toEqual([]);
  });
});

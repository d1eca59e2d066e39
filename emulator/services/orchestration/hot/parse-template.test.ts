import { describe, expect, it } from 'vitest';
import { fixture } from './hot-test-support';
import { listVersions, parse, parseTemplate } from './index';

const minimal = (version: string, extra = '') => `heat_template_version: ${version}\n${extra}`;

describe('parse', () => {
  it('reports the published gnocchi template indentation error with its line and column', () => {
    const r = parse(fixture('rhosp16-gnocchi/template.as-published.yaml'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ type: 'TemplateParseError', line: 2, column: 3 });
    expect(r.error.message).toContain('line 2, column 3');
  });

  it('reports other YAML errors with their position', () => {
    const r = parse('heat_template_version: 2015-04-30\nresources: [\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.line).toBeGreaterThanOrEqual(2);
  });

  it('accepts every version by date and by release name', () => {
    for (const v of listVersions()) expect(parse(minimal(v)).ok).toBe(true);
    expect(parseTemplate(minimal('queens')).version.date).toBe('2018-03-02');
    expect(parseTemplate(minimal('wallaby')).version.date).toBe('2021-04-16');
    expect(parseTemplate(minimal('2013-05-23')).version.functions.has('list_join')).toBe(false);
  });

  it('refuses an unknown version or a missing one', () => {
    const r = parse(minimal('2012-12-12'));
    expect(!r.ok && r.error.message).toMatch(/template version is invalid: "heat_template_version: 2012-12-12"/);
    expect(parse(minimal('stein')).ok).toBe(false);
    const none = parse('resources: {}\n');
    expect(!none.ok && none.error.message).toBe('Template format version not found.');
  });

  it('reads the sections and refuses unknown ones', () => {
    const t = parseTemplate(
      minimal(
        '2016-10-14',
        'description: d\nparameter_groups: [{label: g, parameters: [a]}]\nparameters:\n  a: {type: string}\n' +
          'conditions:\n  c: true\nresources:\n  r: {type: OS::Cinder::Volume, depends_on: s}\n  s: {type: OS::Cinder::Volume}\n' +
          'outputs:\n  o: {value: 1, description: out}\n',
      ),
    );
    expect(t.description).toBe('d');
    expect(Object.keys(t.parameters)).toEqual(['a']);
    expect(t.resources.r?.dependsOn).toEqual(['s']);
    expect(t.outputs.o).toMatchObject({ value: 1, description: 'out' });
    const bad = parse(minimal('2016-10-14', 'resource:\n  r: {type: X}\n'));
    expect(!bad.ok && bad.error.message).toBe('The template section is invalid: resource');
    const early = parse(minimal('2015-04-30', 'conditions: {}\n'));
    expect(!early.ok && early.error.message).toBe('The template section is invalid: conditions');
  });

  it('refuses a resource without a type or with an unknown keyword', () => {
    expect(parse(minimal('2014-10-16', 'resources:\n  r: {properties: {}}\n')).ok).toBe(false);
    const r = parse(minimal('2014-10-16', 'resources:\n  r: {type: T, propertys: {}}\n'));
    expect(!r.ok && r.error.message).toContain('"propertys" is not a valid keyword');
  });

  it('checks parameter groups and the template size', () => {
    const groups = (g: string) => parse(minimal('2014-10-16', `parameters:\n  a: {type: string}\nparameter_groups: ${g}\n`));
    expect(groups('[{label: x, parameters: [a]}]').ok).toBe(true);
    const bad = groups('[{label: x, parameters: [b]}]');
    expect(!bad.ok && bad.error.message).toBe('The grouped parameter b does not reference a valid parameter.');
    const twice = groups('[{parameters: [a]}, {parameters: [a]}]');
    expect(!twice.ok && twice.error.message).toBe('The a parameter must be assigned to one parameter group only.');
    const big = parse(minimal('2014-10-16', `description: "${'x'.repeat(600_000)}"\n`));
    expect(!big.ok && big.error.message).toMatch(/^Template size \(\d+ bytes\) exceeds maximum allowed size \(524288 bytes\)\.$/);
  });

  it('parses the three corrected fixtures', () => {
    for (const f of ['rhosp8-cpu/example.yaml', 'rhosp8-webapp/lb-webserver-rhel7.yaml', 'rhosp16-gnocchi/template.yaml']) {
      expect(parse(fixture(f)).ok, f).toBe(true);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { fixture } from './hot-test-support';
import { describeTemplate, parseTemplate } from './index';

describe('describeTemplate', () => {
  it('describes the webapp template parameters as template validate shows them', () => {
    const out = describeTemplate(parseTemplate(fixture('rhosp8-webapp/lb-webserver-rhel7.yaml')));
    expect(out.Description).toBe('AutoScaling RHEL 7 Web Application');
    expect(out.Parameters.flavor).toEqual({
      Type: 'String',
      Description: 'flavor used by the web servers',
      Label: 'flavor',
      NoEcho: 'false',
      Default: 'm2.tiny',
    });
    expect(out.ParameterGroups).toBeUndefined();
  });

  it('lists constraints, masks hidden values and keeps parameter groups', () => {
    const t = parseTemplate(
      'heat_template_version: 2015-04-30\nparameters:\n' +
        '  pw: {type: string, hidden: true, default: s3cret, constraints: [{length: {min: 6}, description: at least 6}]}\n' +
        '  n: {type: number, label: Count, constraints: [{range: {min: 1, max: 5}}, {allowed_values: [1, 3]}]}\n' +
        '  f: {type: string, constraints: [{custom_constraint: nova.flavor}]}\n' +
        'parameter_groups:\n  - {label: secrets, parameters: [pw]}\n',
    );
    const out = describeTemplate(t, { pw: 'other', n: 3 });
    expect(out.Parameters.pw).toMatchObject({ NoEcho: 'true', Default: '******', Value: '******', MinLength: 6, ConstraintDescription: 'at least 6' });
    expect(out.Parameters.n).toMatchObject({ Type: 'Number', Label: 'Count', MinValue: 1, MaxValue: 5, AllowedValues: [1, 3], Value: 3 });
    expect(out.Parameters.f?.CustomConstraint).toBe('nova.flavor');
    expect(out.ParameterGroups).toEqual([{ label: 'secrets', parameters: ['pw'] }]);
    expect(out.Description).toBe('No description');
  });
});

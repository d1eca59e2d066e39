import { describe, expect, it } from 'vitest';

import { launchStackSchema, stackActionSchema, updateStackSchema } from './stacks';

/** The first message per field, as the forms and the BFF show them. */
function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) out[issue.path.join('.')] ??= issue.message;
  return out;
}

describe('stack schemas', () => {
  it('follow Heat’s stack name rule', () => {
    const base = { template: 'heat_template_version: 2018-08-31', files: {} };
    expect(launchStackSchema.safeParse({ ...base, name: 'example1' }).success).toBe(true);
    expect(messages(launchStackSchema.safeParse({ ...base, name: '1st' }))).toEqual({ name: 'name_rule' });
    expect(messages(launchStackSchema.safeParse({ ...base, name: 'a b' }))).toEqual({ name: 'name_rule' });
    expect(messages(launchStackSchema.safeParse({ ...base, name: '' }))).toMatchObject({ name: 'name_required' });
  });

  it('need a template, take a timeout in whole minutes, and leave rollback off unless asked', () => {
    expect(messages(launchStackSchema.safeParse({ name: 's', template: '  ', files: {} }))).toEqual({ template: 'template_required' });
    expect(messages(launchStackSchema.safeParse({ name: 's', template: 'x: 1', timeoutMins: Number('abc') }))).toEqual({ timeoutMins: 'timeout_range' });
    expect(messages(launchStackSchema.safeParse({ name: 's', template: 'x: 1', timeoutMins: 0 }))).toEqual({ timeoutMins: 'timeout_range' });
    expect(launchStackSchema.parse({ name: 's', template: 'x: 1' })).toMatchObject({ rollback: false, timeoutMins: null, files: {}, parameters: {} });
  });

  it('tell a parameter update from a template replacement, and know the actions', () => {
    expect(updateStackSchema.parse({ mode: 'existing', parameters: { a: '1' } })).toMatchObject({ mode: 'existing', parameters: { a: '1' } });
    expect(messages(updateStackSchema.safeParse({ mode: 'replace', template: '' }))).toMatchObject({ template: 'template_required' });
    expect(messages(stackActionSchema.safeParse({ action: 'abandon' }))).toEqual({ action: 'action_unknown' });
  });
});

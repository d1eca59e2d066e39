import { describe, expect, it } from 'vitest';

import { createSecurityGroupSchema, serverSecurityGroupSchema, updateSecurityGroupSchema } from './security-groups';

const first = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? 'ok' : `${result.error!.issues[0]!.path.join('.')}: ${result.error!.issues[0]!.message}`;

describe('security group forms', () => {
  it('need a name that is not "default"', () => {
    expect(first(createSecurityGroupSchema.safeParse({ name: ' web ' }))).toBe('ok');
    expect(createSecurityGroupSchema.parse({ name: ' web ' })).toEqual({ name: 'web', description: '' });
    expect(first(createSecurityGroupSchema.safeParse({ name: '   ' }))).toBe('name: name_required');
    expect(first(createSecurityGroupSchema.safeParse({ name: 'Default' }))).toBe('name: name_default_reserved');
    expect(first(createSecurityGroupSchema.safeParse({ name: 'web', description: 'x'.repeat(256) }))).toBe('description: too_long');
  });

  it('edit at least one thing', () => {
    expect(first(updateSecurityGroupSchema.safeParse({ description: 'front end' }))).toBe('ok');
    expect(first(updateSecurityGroupSchema.safeParse({}))).toBe('form: nothing_to_change');
  });

  it('add or remove a group on an instance', () => {
    expect(first(serverSecurityGroupSchema.safeParse({ action: 'add', securityGroupId: 'sg' }))).toBe('ok');
    expect(first(serverSecurityGroupSchema.safeParse({ action: 'replace', securityGroupId: 'sg' }))).toBe('action: action_invalid');
    expect(first(serverSecurityGroupSchema.safeParse({ action: 'add', securityGroupId: '' }))).toBe('securityGroupId: group_required');
  });
});

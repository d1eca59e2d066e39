import { describe, expect, it } from 'vitest';

import { type ServerAction, type ServerStatus, actionBody, asStatus, canPerform, isTransitional } from './server-status';

const server = (status: ServerStatus, extra: Partial<{ taskState: string | null; locked: boolean }> = {}) => ({
  status,
  taskState: null,
  locked: false,
  ...extra,
});

describe('server model', () => {
  it.each<[ServerAction, ServerStatus, boolean]>([
    ['start', 'SHUTOFF', true],
    ['start', 'ACTIVE', false],
    ['stop', 'ACTIVE', true],
    ['stop', 'SHUTOFF', false],
    ['reboot', 'ACTIVE', true],
    ['reboot', 'SHUTOFF', false],
    ['hardReboot', 'SHUTOFF', true],
    ['pause', 'ACTIVE', true],
    ['unpause', 'PAUSED', true],
    ['unpause', 'ACTIVE', false],
    ['suspend', 'ACTIVE', true],
    ['resume', 'SUSPENDED', true],
    ['confirmResize', 'VERIFY_RESIZE', true],
    ['confirmResize', 'ACTIVE', false],
    ['delete', 'ERROR', true],
    ['delete', 'BUILD', true],
  ])('%s in %s: %s', (action, status, expected) => {
    expect(canPerform(action, server(status), false)).toBe(expected);
  });

  it('lets a locked server be unlocked but nothing else, except by an admin', () => {
    const locked = server('ACTIVE', { locked: true });
    expect(canPerform('stop', locked, false)).toBe(false);
    expect(canPerform('delete', locked, false)).toBe(false);
    expect(canPerform('unlock', locked, false)).toBe(true);
    expect(canPerform('lock', locked, false)).toBe(false);
    expect(canPerform('stop', locked, true)).toBe(true);
  });

  it('blocks actions while a task runs, except delete and hard reboot', () => {
    const busy = server('ACTIVE', { taskState: 'rebooting' });
    expect(canPerform('stop', busy, false)).toBe(false);
    expect(canPerform('delete', busy, false)).toBe(true);
    expect(isTransitional(busy)).toBe(true);
    expect(isTransitional(server('BUILD'))).toBe(true);
    expect(isTransitional(server('ACTIVE'))).toBe(false);
  });

  it('maps unknown wire statuses and builds action bodies', () => {
    expect(asStatus('SOMETHING_NEW')).toBe('UNKNOWN');
    expect(actionBody('reboot')).toEqual({ reboot: { type: 'SOFT' } });
    expect(actionBody('hardReboot')).toEqual({ reboot: { type: 'HARD' } });
    expect(actionBody('start')).toEqual({ 'os-start': null });
    expect(actionBody('lock')).toEqual({ lock: null });
  });
});

describe('operations with input', () => {
  it('resize, snapshot and volume changes follow the state and the lock', async () => {
    const { canChangeVolumes, canResize, canSnapshot } = await import('./server-status');
    expect(canResize(server('ACTIVE'), false)).toBe(true);
    expect(canResize(server('PAUSED'), false)).toBe(false);
    expect(canSnapshot(server('PAUSED'), false)).toBe(true);
    expect(canSnapshot(server('BUILD'), false)).toBe(false);
    expect(canChangeVolumes(server('SHUTOFF'), false)).toBe(true);
    expect(canChangeVolumes(server('ACTIVE', { locked: true }), false)).toBe(false);
    expect(canChangeVolumes(server('ACTIVE', { locked: true }), true)).toBe(true);
    expect(canResize(server('ACTIVE', { taskState: 'resize_prep' }), true)).toBe(false);
  });
});

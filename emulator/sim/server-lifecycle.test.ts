// Nova's state rules as a table: which actions each state allows, what the 409 says, where
// each action settles, and the status a client sees for each vm_state/task_state pair.

import { describe, expect, it } from 'vitest';
import { ACTION_RULES, refusal, refusalMessage, serverStatus, startAction, type ServerAction } from './server-lifecycle';

const STATES = ['building', 'active', 'stopped', 'paused', 'suspended', 'resized', 'error'] as const;
const POWER_OF = { building: 0, active: 1, stopped: 4, paused: 3, suspended: 4, resized: 1, error: 0 } as const;

// vm_states from which each action may start (task idle, not locked).
const ALLOWED: Record<ServerAction, readonly string[]> = {
  start: ['stopped'],
  stop: ['active', 'error'],
  'reboot-soft': ['active'],
  'reboot-hard': ['active', 'stopped', 'paused', 'suspended', 'error'],
  pause: ['active'],
  unpause: ['paused'],
  suspend: ['active'],
  resume: ['suspended'],
  resize: ['active', 'stopped'],
  confirmResize: ['resized'],
  revertResize: ['resized'],
  createImage: ['active', 'stopped', 'paused', 'suspended'],
  delete: [...STATES],
  lock: [...STATES],
  unlock: [...STATES],
};

describe('state rules', () => {
  for (const action of Object.keys(ALLOWED) as ServerAction[]) {
    it.each(STATES)(`${action} from %s`, (vmState) => {
      const result = refusal({ vmState, taskState: null, powerState: POWER_OF[vmState], locked: false }, action, false);
      if (ALLOWED[action].includes(vmState)) expect(result).toBeUndefined();
      else expect(result).toEqual({ kind: 'state', attribute: 'vm_state', value: vmState });
    });
  }

  it('refuses a running task by task_state, except where Nova allows it', () => {
    const busy = { vmState: 'active', taskState: 'rebooting', powerState: 1, locked: false };
    expect(refusal(busy, 'stop', false)).toEqual({ kind: 'state', attribute: 'task_state', value: 'rebooting' });
    expect(refusal(busy, 'reboot-hard', false)).toBeUndefined();
    expect(refusal(busy, 'delete', false)).toBeUndefined();
  });

  it('refuses a locked server to its owner but not to an admin, and never lock/unlock', () => {
    const locked = { vmState: 'active', taskState: null, powerState: 1, locked: true };
    expect(refusal(locked, 'stop', false)).toEqual({ kind: 'locked' });
    expect(refusal(locked, 'stop', true)).toBeUndefined();
    expect(refusal(locked, 'unlock', false)).toBeUndefined();
  });

  it('words refusals as Nova does', () => {
    expect(refusalMessage({ kind: 'state', attribute: 'vm_state', value: 'active' }, 'start', 'abc')).toBe(
      "Cannot 'start' instance abc while it is in vm_state active",
    );
    expect(refusalMessage({ kind: 'locked' }, 'delete', 'abc')).toBe('Instance abc is locked');
  });
});

describe('transitions', () => {
  it.each([
    ['stop', 'active', 'powering-off', 'stopped', 4],
    ['start', 'stopped', 'powering-on', 'active', 1],
    ['pause', 'active', 'pausing', 'paused', 3],
    ['suspend', 'active', 'suspending', 'suspended', 4],
    ['resize', 'active', 'resize_migrating', 'resized', 1],
    ['revertResize', 'resized', 'resize_reverting', 'active', 1],
    ['createImage', 'paused', 'image_snapshot', 'paused', 3],
    ['delete', 'active', 'deleting', 'deleted', 0],
  ] as const)('%s from %s runs %s and settles in %s', (action, from, task, to, power) => {
    const next = startAction({ vmState: from, taskState: null, powerState: POWER_OF[from] }, action, 1_000);
    expect(next).toMatchObject({ vmState: from, taskState: task, nextVmState: to, nextPowerState: power });
    expect(next.settleAt).toBe(1_000 + ACTION_RULES[action].seconds * 1000);
  });

  it('confirmResize finishes at once, back to stopped when the server was off', () => {
    const next = startAction({ vmState: 'resized', taskState: null, powerState: 4 }, 'confirmResize', 0);
    expect(next).toMatchObject({ vmState: 'stopped', taskState: null, settleAt: null });
  });
});

describe('status', () => {
  it.each([
    ['building', 'spawning', 'BUILD'],
    ['active', null, 'ACTIVE'],
    ['active', 'rebooting', 'REBOOT'],
    ['active', 'rebooting_hard', 'HARD_REBOOT'],
    ['active', 'resize_migrating', 'RESIZE'],
    ['active', 'image_snapshot', 'ACTIVE'],
    ['active', 'deleting', 'ACTIVE'],
    ['stopped', null, 'SHUTOFF'],
    ['resized', null, 'VERIFY_RESIZE'],
    ['resized', 'resize_reverting', 'REVERT_RESIZE'],
    ['paused', null, 'PAUSED'],
    ['suspended', null, 'SUSPENDED'],
    ['error', null, 'ERROR'],
  ] as const)('%s / %s is %s', (vm, task, status) => {
    expect(serverStatus(vm, task)).toBe(status);
  });
});

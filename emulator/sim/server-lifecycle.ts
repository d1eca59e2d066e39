// Nova's server state machine as data: which vm_state/task_state an action is allowed from,
// the task state it shows while it runs, how long it takes in simulated seconds and where it
// settles. Pure functions only; the store applies due transitions lazily (decision 007).

import { formatIsoMicros } from './clock';

export type VmState =
  | 'building'
  | 'active'
  | 'stopped'
  | 'paused'
  | 'suspended'
  | 'resized'
  | 'error'
  | 'deleted';

/** Nova's power_state integers. */
export const POWER = { nostate: 0, running: 1, paused: 3, shutdown: 4 } as const;

/** Simulated seconds a server spends in BUILD before it is ACTIVE. */
export const BUILD_SECONDS = 5;
/** Simulated seconds a deleting server stays visible. */
export const DELETE_SECONDS = 2;

export type ServerAction =
  | 'start'
  | 'stop'
  | 'reboot-soft'
  | 'reboot-hard'
  | 'pause'
  | 'unpause'
  | 'suspend'
  | 'resume'
  | 'resize'
  | 'confirmResize'
  | 'revertResize'
  | 'createImage'
  | 'delete'
  | 'lock'
  | 'unlock';

export interface ActionRule {
  /** The name Nova uses in its 409 message and instance action record. */
  name: string;
  vmStates: readonly VmState[] | 'any';
  /** Task states the action may start from; null is "no task running". */
  taskStates: readonly (string | null)[] | 'any';
  /** Task shown while the action runs; null for actions that finish at once. */
  task: string | null;
  seconds: number;
  /** vm_state the server settles in; 'same' keeps it, 'previous' goes back to before a resize. */
  settle: VmState | 'same' | 'beforeResize';
  /** Whether a non-admin is refused while the server is locked. */
  lockChecked: boolean;
  event: string;
}

const IDLE = [null] as const;

export const ACTION_RULES: Record<ServerAction, ActionRule> = {
  start: { name: 'start', vmStates: ['stopped'], taskStates: IDLE, task: 'powering-on', seconds: 2, settle: 'active', lockChecked: true, event: 'compute_start_instance' },
  stop: { name: 'stop', vmStates: ['active', 'error'], taskStates: IDLE, task: 'powering-off', seconds: 2, settle: 'stopped', lockChecked: true, event: 'compute_stop_instance' },
  'reboot-soft': { name: 'reboot', vmStates: ['active'], taskStates: IDLE, task: 'rebooting', seconds: 3, settle: 'active', lockChecked: true, event: 'compute_reboot_instance' },
  'reboot-hard': { name: 'reboot', vmStates: ['active', 'stopped', 'paused', 'suspended', 'error'], taskStates: [null, 'rebooting'], task: 'rebooting_hard', seconds: 3, settle: 'active', lockChecked: true, event: 'compute_reboot_instance' },
  pause: { name: 'pause', vmStates: ['active'], taskStates: IDLE, task: 'pausing', seconds: 1, settle: 'paused', lockChecked: true, event: 'compute_pause_instance' },
  unpause: { name: 'unpause', vmStates: ['paused'], taskStates: IDLE, task: 'unpausing', seconds: 1, settle: 'active', lockChecked: true, event: 'compute_unpause_instance' },
  suspend: { name: 'suspend', vmStates: ['active'], taskStates: IDLE, task: 'suspending', seconds: 2, settle: 'suspended', lockChecked: true, event: 'compute_suspend_instance' },
  resume: { name: 'resume', vmStates: ['suspended'], taskStates: IDLE, task: 'resuming', seconds: 2, settle: 'active', lockChecked: true, event: 'compute_resume_instance' },
  resize: { name: 'resize', vmStates: ['active', 'stopped'], taskStates: IDLE, task: 'resize_migrating', seconds: 5, settle: 'resized', lockChecked: true, event: 'compute_resize_instance' },
  confirmResize: { name: 'confirmResize', vmStates: ['resized'], taskStates: IDLE, task: null, seconds: 0, settle: 'beforeResize', lockChecked: true, event: 'compute_confirm_resize' },
  revertResize: { name: 'revertResize', vmStates: ['resized'], taskStates: IDLE, task: 'resize_reverting', seconds: 3, settle: 'beforeResize', lockChecked: true, event: 'compute_revert_resize' },
  createImage: { name: 'createImage', vmStates: ['active', 'stopped', 'paused', 'suspended'], taskStates: IDLE, task: 'image_snapshot', seconds: 3, settle: 'same', lockChecked: false, event: 'compute_snapshot_instance' },
  delete: { name: 'delete', vmStates: 'any', taskStates: 'any', task: 'deleting', seconds: DELETE_SECONDS, settle: 'deleted', lockChecked: true, event: 'compute_terminate_instance' },
  lock: { name: 'lock', vmStates: 'any', taskStates: 'any', task: null, seconds: 0, settle: 'same', lockChecked: false, event: 'api_lock' },
  unlock: { name: 'unlock', vmStates: 'any', taskStates: 'any', task: null, seconds: 0, settle: 'same', lockChecked: false, event: 'api_unlock' },
};

export interface StateView {
  vmState: string;
  taskState: string | null;
  powerState: number;
}

export type Refusal =
  | { kind: 'locked' }
  | { kind: 'state'; attribute: 'vm_state' | 'task_state'; value: string };

/** Why an action may not run now, or undefined when it may. */
export function refusal(
  server: StateView & { locked: boolean },
  action: ServerAction,
  callerIsAdmin: boolean,
): Refusal | undefined {
  const rule = ACTION_RULES[action];
  if (rule.lockChecked && server.locked && !callerIsAdmin) return { kind: 'locked' };
  if (rule.vmStates !== 'any' && !rule.vmStates.includes(server.vmState as VmState)) {
    return { kind: 'state', attribute: 'vm_state', value: server.vmState };
  }
  if (rule.taskStates !== 'any' && !rule.taskStates.includes(server.taskState)) {
    return { kind: 'state', attribute: 'task_state', value: server.taskState ?? 'None' };
  }
  return undefined;
}

/** Nova's wording for both refusals (nova/api/openstack/common.py, nova/exception.py). */
export function refusalMessage(refused: Refusal, action: ServerAction, serverId: string): string {
  if (refused.kind === 'locked') return `Instance ${serverId} is locked`;
  return `Cannot '${ACTION_RULES[action].name}' instance ${serverId} while it is in ${refused.attribute} ${refused.value}`;
}

export function powerStateOf(vmState: VmState, previousPower: number): number {
  switch (vmState) {
    case 'active':
      return POWER.running;
    case 'paused':
      return POWER.paused;
    case 'stopped':
    case 'suspended':
      return POWER.shutdown;
    case 'resized':
      return previousPower;
    default:
      return previousPower;
  }
}

/** Nova's `status` from vm_state and task_state (nova/api/openstack/common.py's state map). */
export function serverStatus(vmState: string, taskState: string | null): string {
  const task = taskState ?? '';
  switch (vmState) {
    case 'building':
      return 'BUILD';
    case 'active':
      if (task.endsWith('_hard')) return 'HARD_REBOOT';
      if (task === 'rebooting' || task === 'reboot_pending' || task === 'reboot_started') return 'REBOOT';
      if (task.startsWith('resize_') && task !== 'resize_reverting') return 'RESIZE';
      if (task === 'rebuilding') return 'REBUILD';
      return 'ACTIVE';
    case 'stopped':
      if (task.startsWith('resize_') && task !== 'resize_reverting') return 'RESIZE';
      if (task === 'rebooting_hard') return 'HARD_REBOOT';
      return 'SHUTOFF';
    case 'resized':
      return task === 'resize_reverting' ? 'REVERT_RESIZE' : 'VERIFY_RESIZE';
    case 'paused':
      return task === 'rebooting_hard' ? 'HARD_REBOOT' : 'PAUSED';
    case 'suspended':
      return task === 'rebooting_hard' ? 'HARD_REBOOT' : 'SUSPENDED';
    case 'error':
      return task === 'rebooting_hard' ? 'HARD_REBOOT' : 'ERROR';
    case 'deleted':
      return 'DELETED';
    default:
      return 'UNKNOWN';
  }
}

/**
 * What a `status` filter selects, as Nova's task_and_vm_state_from_status does: vm_states, and
 * task states when the status is a transitional one (no task filter for settled statuses, so
 * ACTIVE includes an active server that is, say, snapshotting). Unknown statuses select nothing.
 */
export function statesForStatus(status: string): { vmStates: string[]; taskStates?: string[] } {
  const reboot = ['rebooting', 'reboot_pending', 'reboot_started'];
  const hard = ['rebooting_hard', 'reboot_pending_hard', 'reboot_started_hard'];
  const resize = ['resize_prep', 'resize_migrating', 'resize_migrated', 'resize_finish'];
  const map: Record<string, { vmStates: string[]; taskStates?: string[] }> = {
    BUILD: { vmStates: ['building'] },
    ACTIVE: { vmStates: ['active'] },
    SHUTOFF: { vmStates: ['stopped'] },
    PAUSED: { vmStates: ['paused'] },
    SUSPENDED: { vmStates: ['suspended'] },
    VERIFY_RESIZE: { vmStates: ['resized'] },
    ERROR: { vmStates: ['error'] },
    DELETED: { vmStates: ['deleted'] },
    REBOOT: { vmStates: ['active'], taskStates: reboot },
    HARD_REBOOT: { vmStates: ['active', 'stopped', 'paused', 'suspended', 'error'], taskStates: hard },
    RESIZE: { vmStates: ['active', 'stopped'], taskStates: resize },
    REVERT_RESIZE: { vmStates: ['resized'], taskStates: ['resize_reverting'] },
  };
  return map[status.toUpperCase()] ?? { vmStates: [] };
}

export interface Transition {
  vmState: string;
  taskState: string | null;
  powerState: number;
  settleAt: number | null;
  nextVmState: string | null;
  nextPowerState: number | null;
}

/** A transition as the server row stores it (settle time as ISO text), stamped with `updatedAt`. */
export function transitionRow(next: Transition, updatedAt: string) {
  return {
    vmState: next.vmState,
    taskState: next.taskState,
    powerState: next.powerState,
    settleAt: next.settleAt === null ? null : formatIsoMicros(next.settleAt),
    nextVmState: next.nextVmState,
    nextPowerState: next.nextPowerState,
    updatedAt,
  };
}

/**
 * The state a server enters when an action starts at `now` (epoch ms). `beforeResize` is the
 * vm_state to return to after confirm/revert (active or stopped, from the power state).
 */
export function startAction(server: StateView, action: ServerAction, now: number): Transition {
  const rule = ACTION_RULES[action];
  const target: VmState =
    rule.settle === 'same'
      ? (server.vmState as VmState)
      : rule.settle === 'beforeResize'
        ? server.powerState === POWER.running
          ? 'active'
          : 'stopped'
        : rule.settle;
  const nextPower = target === 'deleted' ? POWER.nostate : powerStateOf(target, server.powerState);
  if (rule.task === null) {
    return { vmState: target, taskState: null, powerState: nextPower, settleAt: null, nextVmState: null, nextPowerState: null };
  }
  return {
    vmState: server.vmState,
    taskState: rule.task,
    powerState: server.powerState,
    settleAt: now + rule.seconds * 1000,
    nextVmState: target,
    nextPowerState: nextPower,
  };
}

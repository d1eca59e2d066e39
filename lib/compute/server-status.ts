/**
 * One model for instances, used by the list, the detail page and the actions: the status vocabulary,
 * which states are still moving, and which actions Nova accepts in which state (Nova's own rules).
 */
export const SERVER_STATUSES = [
  'ACTIVE',
  'BUILD',
  'SHUTOFF',
  'PAUSED',
  'SUSPENDED',
  'ERROR',
  'REBOOT',
  'HARD_REBOOT',
  'RESIZE',
  'VERIFY_RESIZE',
  'REVERT_RESIZE',
  'MIGRATING',
  'SHELVED',
  'SHELVED_OFFLOADED',
  'RESCUE',
  'DELETED',
  'UNKNOWN',
] as const;

export type ServerStatus = (typeof SERVER_STATUSES)[number];

export type StatusTone = 'ok' | 'error' | 'neutral' | 'info' | 'progress';

const TONES: Record<ServerStatus, StatusTone> = {
  ACTIVE: 'ok',
  BUILD: 'progress',
  SHUTOFF: 'neutral',
  PAUSED: 'neutral',
  SUSPENDED: 'neutral',
  ERROR: 'error',
  REBOOT: 'progress',
  HARD_REBOOT: 'progress',
  RESIZE: 'progress',
  VERIFY_RESIZE: 'info',
  REVERT_RESIZE: 'progress',
  MIGRATING: 'progress',
  SHELVED: 'neutral',
  SHELVED_OFFLOADED: 'neutral',
  RESCUE: 'info',
  DELETED: 'neutral',
  UNKNOWN: 'error',
};

export function asStatus(value: string): ServerStatus {
  return (SERVER_STATUSES as readonly string[]).includes(value) ? (value as ServerStatus) : 'UNKNOWN';
}

export function statusTone(status: ServerStatus): StatusTone {
  return TONES[status];
}

/** A server whose state is still changing: its row refreshes itself until it settles. */
export function isTransitional(server: { status: ServerStatus; taskState: string | null }): boolean {
  return statusTone(server.status) === 'progress' || server.taskState !== null;
}

export const SERVER_ACTIONS = [
  'start',
  'stop',
  'reboot',
  'hardReboot',
  'pause',
  'unpause',
  'suspend',
  'resume',
  'lock',
  'unlock',
  'confirmResize',
  'revertResize',
  'delete',
] as const;

export type ServerAction = (typeof SERVER_ACTIONS)[number];

/** The states each action is accepted in (Nova's check_instance_state, by the status it shows). */
const ALLOWED: Record<ServerAction, readonly ServerStatus[] | 'any'> = {
  start: ['SHUTOFF'],
  stop: ['ACTIVE', 'ERROR', 'PAUSED', 'SUSPENDED', 'RESCUE'],
  reboot: ['ACTIVE'],
  hardReboot: ['ACTIVE', 'SHUTOFF', 'PAUSED', 'SUSPENDED', 'ERROR', 'REBOOT', 'HARD_REBOOT'],
  pause: ['ACTIVE', 'RESCUE'],
  unpause: ['PAUSED'],
  suspend: ['ACTIVE'],
  resume: ['SUSPENDED'],
  lock: 'any',
  unlock: 'any',
  confirmResize: ['VERIFY_RESIZE'],
  revertResize: ['VERIFY_RESIZE'],
  delete: 'any',
};

/** Actions that lose work or data: the UI asks before sending them. */
export const DESTRUCTIVE_ACTIONS: readonly ServerAction[] = ['stop', 'hardReboot', 'delete', 'revertResize'];

export interface ActionSubject {
  status: ServerStatus;
  taskState: string | null;
  locked: boolean;
}

/**
 * Whether the action may be sent now. A locked server refuses everything but unlock for non-admins,
 * and nothing but delete and reset can interrupt a task in progress.
 */
export function canPerform(action: ServerAction, server: ActionSubject, isAdmin: boolean): boolean {
  if (action === 'lock') return !server.locked;
  if (action === 'unlock') return server.locked;
  if (server.locked && !isAdmin) return false;
  if (server.taskState !== null && action !== 'delete' && action !== 'hardReboot') return false;
  const allowed = ALLOWED[action];
  return allowed === 'any' || allowed.includes(server.status);
}

/** The body of POST /servers/{id}/action for each action (delete is a DELETE, not an action). */
export function actionBody(action: Exclude<ServerAction, 'delete'>): Record<string, unknown> {
  switch (action) {
    case 'start':
      return { 'os-start': null };
    case 'stop':
      return { 'os-stop': null };
    case 'reboot':
      return { reboot: { type: 'SOFT' } };
    case 'hardReboot':
      return { reboot: { type: 'HARD' } };
    default:
      return { [action]: null };
  }
}

/** Operations that take input, offered on the instance page; their states follow Nova's rules too. */
const RESIZABLE: readonly ServerStatus[] = ['ACTIVE', 'SHUTOFF'];
const SNAPSHOTTABLE: readonly ServerStatus[] = ['ACTIVE', 'SHUTOFF', 'PAUSED', 'SUSPENDED'];
const ATTACHABLE: readonly ServerStatus[] = ['ACTIVE', 'SHUTOFF', 'PAUSED', 'SUSPENDED'];

function idle(server: ActionSubject, isAdmin: boolean): boolean {
  return server.taskState === null && (!server.locked || isAdmin);
}

export function canResize(server: ActionSubject, isAdmin: boolean): boolean {
  return idle(server, isAdmin) && RESIZABLE.includes(server.status);
}

export function canSnapshot(server: ActionSubject, isAdmin: boolean): boolean {
  return idle(server, isAdmin) && SNAPSHOTTABLE.includes(server.status);
}

export function canChangeVolumes(server: ActionSubject, isAdmin: boolean): boolean {
  return idle(server, isAdmin) && ATTACHABLE.includes(server.status);
}

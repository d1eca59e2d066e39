// A stack's state at a moment of the simulation clock, derived from what was planned and when
// the action started (decision 014): resources are created one after another in the engine's
// create order, RESOURCE_SECONDS each, and deleted in reverse order. Nothing is written on read.

import { createHash } from 'node:crypto';
import { formatIsoMicros, parseIsoMicros } from '../../sim/clock';
import type { Stack, StackAction, StackResource, StepAction } from '../../store/schema';
import { addPhaseEvents, applyPhases, eventRank } from './stack-actions-state';

/** Simulated seconds one resource takes to create or delete. */
export const RESOURCE_SECONDS = 1;
const STEP_MS = RESOURCE_SECONDS * 1000;

export type Status = 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';

export interface ResourceState {
  resource: StackResource;
  action: 'INIT' | StepAction;
  status: Status;
  reason: string;
  /** When the resource's create started (creation_time), or undefined before. */
  createdMs?: number;
  updatedMs?: number;
}

export interface StackState {
  action: StackAction;
  status: Status;
  reason: string;
  /** True once a delete has completed: the stack is gone. */
  gone: boolean;
  resources: ResourceState[];
  /** When the current action completes (or completed). */
  completesMs: number;
}

export interface StackEvent {
  id: string;
  timeMs: number;
  resourceName: string;
  physicalId: string;
  resourceType: string;
  action: StepAction | 'SIGNAL';
  status: Status;
  reason: string;
  /** Index in event order (for markers and sorting). */
  seq: number;
}

/** The stack's create started at createdMs; one that was deleted has its DELETE later. */
function createStartMs(stack: Stack): number {
  return parseIsoMicros(stack.createdAt);
}

/** Resources created by the stack's own create (not group members added by a resize later). */
function createdWithStack(stack: Stack): StackResource[] {
  return stack.resources.filter((r) => r.startMs === undefined);
}

function stepsOf(stack: Stack): number {
  return Math.max(createdWithStack(stack).length, 1);
}

/** Resources a delete of the stack removes, in delete order: not already removed by a resize. */
function deleteOrder(stack: Stack): StackResource[] {
  return stack.resources.filter((r) => r.removedMs === undefined).sort((a, b) => b.index - a.index);
}

/** The state from the resources' create and delete windows, with the later actions' phases laid over. */
export function stackState(stack: Stack, now: number): StackState {
  return applyPhases(stack, now, baseState(stack, now));
}

function baseState(stack: Stack, now: number): StackState {
  const created = createStartMs(stack);
  const createDone = created + stepsOf(stack) * STEP_MS;
  const resources: ResourceState[] = stack.resources.map((r) => {
    const start = r.startMs ?? created + r.index * STEP_MS;
    const end = start + STEP_MS;
    if (r.removedMs !== undefined && now >= r.removedMs) {
      const status = now < r.removedMs + STEP_MS ? 'IN_PROGRESS' : 'COMPLETE';
      return { resource: r, action: 'DELETE', status, reason: 'state changed', createdMs: start, updatedMs: r.removedMs };
    }
    if (now < start) return { resource: r, action: 'INIT', status: 'COMPLETE', reason: '' };
    if (now < end) return { resource: r, action: 'CREATE', status: 'IN_PROGRESS', reason: 'state changed', createdMs: start };
    return { resource: r, action: 'CREATE', status: 'COMPLETE', reason: 'state changed', createdMs: start };
  });
  const removed = (r: ResourceState) => r.action === 'DELETE' && r.status === 'COMPLETE';
  const settled = (action: 'CREATE' | 'DELETE', completesMs: number): StackState => {
    const done = now >= completesMs;
    return {
      action,
      status: done ? 'COMPLETE' : 'IN_PROGRESS',
      reason: done ? `Stack ${action} completed successfully` : `Stack ${action} started`,
      gone: action === 'DELETE' && done,
      resources: resources.filter((r) => !removed(r)),
      completesMs,
    };
  };
  if (stack.action !== 'DELETE') return settled('CREATE', createDone);
  const d0 = stack.actionStartedMs;
  const order = deleteOrder(stack);
  for (const state of resources) {
    const j = order.indexOf(state.resource);
    if (j < 0) continue;
    const start = d0 + j * STEP_MS;
    if (now < start) continue;
    state.action = 'DELETE';
    state.status = now < start + STEP_MS ? 'IN_PROGRESS' : 'COMPLETE';
    state.reason = 'state changed';
    state.updatedMs = start;
  }
  return settled('DELETE', d0 + Math.max(order.length, 1) * STEP_MS);
}

function eventId(stackId: string, seq: number): string {
  const h = createHash('sha1').update(`${stackId}/event/${seq}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The events Heat would have written up to `now`, oldest first. */
export function stackEvents(stack: Stack, now: number): StackEvent[] {
  const out: Omit<StackEvent, 'id' | 'seq'>[] = [];
  const stackEvent = (timeMs: number, action: 'CREATE' | 'DELETE', status: Status, reason: string) =>
    out.push({ timeMs, resourceName: stack.name, physicalId: stack.id, resourceType: 'OS::Heat::Stack', action, status, reason });
  const resEvent = (timeMs: number, r: StackResource, action: 'CREATE' | 'DELETE' | 'UPDATE', status: Status) =>
    out.push({ timeMs, resourceName: r.name, physicalId: status === 'IN_PROGRESS' && action === 'CREATE' ? '' : r.physicalId, resourceType: r.type, action, status, reason: 'state changed' });
  const byIndex = [...stack.resources].sort((a, b) => a.index - b.index);
  const created = createStartMs(stack);
  const phase = (start: number, action: 'CREATE' | 'DELETE', order: StackResource[]) => {
    stackEvent(start, action, 'IN_PROGRESS', `Stack ${action} started`);
    order.forEach((r, j) => {
      const s = start + j * STEP_MS;
      if (now >= s) resEvent(s, r, action, 'IN_PROGRESS');
      if (now >= s + STEP_MS) resEvent(s + STEP_MS, r, action, 'COMPLETE');
    });
    const done = start + Math.max(order.length, 1) * STEP_MS;
    if (now >= done) stackEvent(done, action, 'COMPLETE', `Stack ${action} completed successfully`);
  };
  const createEnd = stack.action === 'DELETE' ? Math.min(now, stack.actionStartedMs) : now;
  if (createEnd >= created) phaseUntil(createEnd, () => phase(created, 'CREATE', byIndex.filter((r) => r.startMs === undefined)));
  // Group resizes: the group's UPDATE window, members created and removed one after another.
  for (const r of byIndex) {
    for (const resize of r.resizes ?? []) {
      resEvent(resize.startMs, r, 'UPDATE', 'IN_PROGRESS');
      resEvent(resize.endMs, r, 'UPDATE', 'COMPLETE');
    }
    if (r.startMs !== undefined) {
      resEvent(r.startMs, r, 'CREATE', 'IN_PROGRESS');
      resEvent(r.startMs + STEP_MS, r, 'CREATE', 'COMPLETE');
    }
    if (r.removedMs !== undefined) {
      resEvent(r.removedMs, r, 'DELETE', 'IN_PROGRESS');
      resEvent(r.removedMs + STEP_MS, r, 'DELETE', 'COMPLETE');
    }
  }
  for (const r of byIndex) {
    for (const signal of r.signals ?? []) {
      out.push({ timeMs: signal.timeMs, resourceName: r.name, physicalId: r.physicalId, resourceType: r.type, action: 'SIGNAL', status: 'COMPLETE', reason: signal.reason });
    }
  }
  if (stack.action === 'DELETE' && now >= stack.actionStartedMs) phase(stack.actionStartedMs, 'DELETE', deleteOrder(stack));
  const all = addPhaseEvents(stack, now, out);
  all.sort((a, b) => a.timeMs - b.timeMs || eventRank(a) - eventRank(b));
  return all
    .filter((e) => e.timeMs <= now)
    .map((e, seq) => ({ ...e, seq, id: eventId(stack.id, seq) }));

  // The create phase of a stack deleted midway stops at the delete.
  function phaseUntil(limit: number, run: () => void) {
    const before = out.length;
    run();
    for (let i = out.length - 1; i >= before; i--) if (out[i]!.timeMs > limit) out.splice(i, 1);
  }
}

export const isoSeconds = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
export { formatIsoMicros };

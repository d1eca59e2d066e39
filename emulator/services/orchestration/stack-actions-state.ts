// The stack's later actions (update, suspend, resume, check) and a create that failed, laid over
// the state stack-state.ts derives from the resources: each action is a phase of resource steps,
// RESOURCE_SECONDS each from its start, stopping at a failed step (decision 014). Resources an
// update creates or removes carry startMs/removedMs, which stack-state.ts already plays out; the
// phases add the UPDATE/SUSPEND/RESUME/CHECK steps, the failures and the stack's own status.

import type { Stack, StackPhase, StackStep } from '../../store/schema';
import type { ResourceState, StackEvent, StackState } from './stack-state';

const STEP_MS = 1000;

type RawEvent = Omit<StackEvent, 'id' | 'seq'>;

/** Steps stack-state.ts plays out itself (from startMs/removedMs and the create order). */
const playedElsewhere = (phase: StackPhase, step: StackStep) =>
  phase.action === 'CREATE' ? step.failed === undefined : step.action === 'CREATE' || step.action === 'DELETE';

export function failedStep(phase: StackPhase): { step: StackStep; index: number } | undefined {
  const index = phase.steps.findIndex((s) => s.failed !== undefined);
  return index < 0 ? undefined : { step: phase.steps[index]!, index };
}

/** When the phase ends: after its last step, or after the step that failed. */
export function phaseEndMs(phase: StackPhase): number {
  const failed = failedStep(phase);
  const steps = failed ? failed.index + 1 : Math.max(phase.steps.length, 1);
  return phase.startedMs + steps * STEP_MS;
}

/** Heat's stack reason for a phase that finished. */
function finishedReason(phase: StackPhase): string {
  const failed = failedStep(phase);
  return failed ? `Resource ${failed.step.action} failed: ${failed.step.failed}` : `Stack ${phase.action} completed successfully`;
}

/** A later phase only counts from its start, and none after the stack's delete started. */
function phasesBy(stack: Stack, now: number): StackPhase[] {
  const limit = stack.action === 'DELETE' ? stack.actionStartedMs : Infinity;
  return (stack.history ?? []).filter((p) => p.startedMs <= now && (p.action === 'CREATE' || p.startedMs < limit));
}

/** The last phase that has started, when it is a later action than the create. */
export function currentPhase(stack: Stack, now: number): StackPhase | undefined {
  const last = phasesBy(stack, now).at(-1);
  return last && last.action !== 'CREATE' && stack.action !== 'DELETE' ? last : undefined;
}

function stepWindows(phase: StackPhase, now: number, limit: number) {
  const out: { step: StackStep; startMs: number; done: boolean }[] = [];
  for (const [j, step] of phase.steps.entries()) {
    const startMs = phase.startedMs + j * STEP_MS;
    if (startMs > now || startMs >= limit) break;
    out.push({ step, startMs, done: now >= startMs + STEP_MS });
    if (step.failed !== undefined) break;
  }
  return out;
}

/** The base state with the phases' resource steps and the stack's status applied. */
export function applyPhases(stack: Stack, now: number, base: StackState): StackState {
  const history = phasesBy(stack, now);
  if (history.length === 0) return base;
  const limit = stack.action === 'DELETE' ? stack.actionStartedMs : Infinity;
  const resources: ResourceState[] = base.resources.map((r) => ({ ...r }));
  for (const phase of history) {
    for (const { step, startMs, done } of stepWindows(phase, now, phase.action === 'CREATE' ? Infinity : limit)) {
      if (playedElsewhere(phase, step)) continue;
      const r = resources.find((x) => x.resource.name === step.name && x.resource.removedMs === undefined);
      if (!r || r.action === 'DELETE') continue;
      Object.assign(r, {
        action: step.action,
        status: !done ? 'IN_PROGRESS' : step.failed !== undefined ? 'FAILED' : 'COMPLETE',
        reason: done && step.failed !== undefined ? step.failed : done && step.reason ? step.reason : 'state changed',
        updatedMs: startMs,
      });
    }
  }
  const createPhase = history.find((p) => p.action === 'CREATE');
  let state: StackState = { ...base, resources };
  if (stack.action === 'CREATE' && createPhase && failedStep(createPhase) && now >= phaseEndMs(createPhase)) {
    state = { ...state, status: 'FAILED', reason: finishedReason(createPhase) };
  }
  const phase = currentPhase(stack, now);
  if (!phase) return state;
  const end = phaseEndMs(phase);
  const failed = failedStep(phase) !== undefined;
  return {
    ...state,
    action: phase.action,
    status: now < end ? 'IN_PROGRESS' : failed ? 'FAILED' : 'COMPLETE',
    reason: now < end ? `Stack ${phase.action} started` : finishedReason(phase),
    completesMs: end,
  };
}

/** Adds the phases' events to the ones stack-state.ts derived (before they are sorted and numbered). */
export function addPhaseEvents(stack: Stack, now: number, events: RawEvent[]): RawEvent[] {
  const limit = stack.action === 'DELETE' ? stack.actionStartedMs : Infinity;
  const stackEvent = (timeMs: number, action: RawEvent['action'], status: RawEvent['status'], reason: string): RawEvent => ({
    timeMs,
    resourceName: stack.name,
    physicalId: stack.id,
    resourceType: 'OS::Heat::Stack',
    action,
    status,
    reason,
  });
  const before: RawEvent[] = [];
  const after: RawEvent[] = [];
  let out = events;
  for (const phase of phasesBy(stack, now)) {
    const failed = failedStep(phase);
    if (phase.action === 'CREATE') {
      if (!failed) continue;
      // The create's own events are derived elsewhere; its failed step and the stack's end fail.
      const failedAt = phase.startedMs + (failed.index + 1) * STEP_MS;
      out = out.map((e) => {
        if (e.action !== 'CREATE' || e.status !== 'COMPLETE' || e.timeMs !== failedAt) return e;
        if (e.resourceName === failed.step.name && e.resourceType === failed.step.type) return { ...e, status: 'FAILED', reason: failed.step.failed!, physicalId: '' };
        if (e.resourceType === 'OS::Heat::Stack') return { ...e, status: 'FAILED', reason: finishedReason(phase) };
        return e;
      });
      continue;
    }
    if (phase.startedMs >= limit) continue;
    before.push(stackEvent(phase.startedMs, phase.action, 'IN_PROGRESS', `Stack ${phase.action} started`));
    for (const { step, startMs, done } of stepWindows(phase, now, limit)) {
      if (playedElsewhere(phase, step)) continue;
      const res = { resourceName: step.name, physicalId: step.physicalId, resourceType: step.type, action: step.action };
      after.push({ ...res, timeMs: startMs, status: 'IN_PROGRESS', reason: 'state changed' });
      if (done) {
        const status = step.failed !== undefined ? 'FAILED' : 'COMPLETE';
        after.push({ ...res, timeMs: startMs + STEP_MS, status, reason: step.failed ?? step.reason ?? 'state changed' });
      }
    }
    const end = phaseEndMs(phase);
    if (now >= end && end <= limit) after.push(stackEvent(end, phase.action, failed ? 'FAILED' : 'COMPLETE', finishedReason(phase)));
  }
  return [...before, ...out, ...after];
}

/**
 * Order of events written at the same moment: the stack's start, the step that ends, the step
 * that begins, then the stack's end (Heat writes them in that order).
 */
export function eventRank(e: RawEvent): number {
  const isStack = e.resourceType === 'OS::Heat::Stack';
  if (isStack) return e.status === 'IN_PROGRESS' ? 0 : 3;
  return e.status === 'IN_PROGRESS' ? 2 : 1;
}

import 'server-only';

import { getStack } from '../openstack/heat/client';
import { postSignal } from '../openstack/heat/signals';
import type { ServiceClient } from '../openstack/service-client';
import type { Stack } from '../openstack/heat/types';
import { ApiError } from './api-error';
import type { ScopedContext } from './guard';
import { checkSignalUrl, looksLikeSignalUrl } from './signal-url-guard';
import { heatOf, signalEndpoints } from './stack-detail';
import { canChange } from './stack-scaling-model';
import { groupCooldown, groupSize, loadScalingModel } from './stack-scaling';

/** What a signal did to the group it drives, read back from Heat after the POST. */
export interface SignalResult {
  group: string | null;
  before: number | null;
  after: number | null;
  cooldownUntil: string | null;
  outcome: 'scaled' | 'cooldown' | 'unchanged' | 'sent';
  message: string;
}

/** How long to wait for Heat's asynchronous resize to show in current_size. */
const SETTLE = { tries: 6, everyMs: 500 };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function settledSize(heat: ServiceClient, stack: Stack, group: string, before: number | null, wait: boolean): Promise<number | null> {
  let after = await groupSize(heat, stack, group);
  for (let i = 0; wait && after === before && i < SETTLE.tries; i++) {
    await pause(SETTLE.everyMs);
    after = await groupSize(heat, stack, group);
  }
  return after;
}

/**
 * Re-reads the output from Heat (the browser sends only its key), checks the URL with the guard, POSTs it
 * (with the user's token to the native URL, none to the pre-signed one) and answers from the group's state.
 */
export async function signalOutput(ctx: ScopedContext, stackId: string, key: string): Promise<SignalResult> {
  const heat = heatOf(ctx);
  const stack = await getStack(heat, stackId);
  const output = stack.outputs.find((o) => o.key === key);
  if (!output) throw new ApiError({ code: 'stack.output_missing', status: 404, message: `The stack has no output named ${key}` });
  if (!looksLikeSignalUrl(output.value)) {
    throw new ApiError({ code: 'stack.output_not_signal', status: 400, message: `The output ${key} is not a signal URL` });
  }
  const check = checkSignalUrl(output.value, signalEndpoints(ctx), ctx.project.id);
  if (!check.ok) {
    throw new ApiError({ code: 'stack.signal_refused', status: 403, message: `Zenith does not send this signal (${check.reason.replace(/_/g, ' ')})`, fields: { url: check.reason } });
  }
  const target = check.stackId === stack.id ? stack : await getStack(heat, check.stackId);
  const model = await loadScalingModel(heat, target);
  const policy = model.policies.find((p) => p.name === check.resource);
  const group = policy ? model.groups.find((g) => g.name === policy.group) : undefined;
  const before = group ? await groupSize(heat, target, group.name).catch(() => null) : null;

  const sentAt = await postSignal(check, ctx.token);

  if (!policy || !group) return { group: null, before: null, after: null, cooldownUntil: null, outcome: 'sent', message: 'Signal sent' };
  const first = await groupCooldown(heat, target, model, group);
  // Heat refuses quietly (no event) during cooldown: the cooldown's end against the cloud's own clock says so.
  const refusedNow = (cd: typeof first) => cd.cooldownUntil !== null && Date.parse(cd.cooldownUntil) > sentAt;
  const expectChange = before !== null && canChange(policy, group, before) && !refusedNow(first);
  const after = await settledSize(heat, target, group.name, before, expectChange);
  const cooldown = after === before ? first : await groupCooldown(heat, target, model, group);
  if (after !== null && before !== null && after !== before) {
    return { group: group.name, before, after, cooldownUntil: cooldown.cooldownUntil, outcome: 'scaled', message: `Group ${group.name}: ${before} → ${after} members` };
  }
  if (refusedNow(cooldown) && cooldown.cooldownUntil) {
    return { group: group.name, before, after, cooldownUntil: cooldown.cooldownUntil, outcome: 'cooldown', message: `In cooldown until ${cooldown.cooldownUntil}` };
  }
  return { group: group.name, before, after, cooldownUntil: cooldown.cooldownUntil, outcome: 'unchanged', message: `Group ${group.name} stays at ${after ?? before} members` };
}

/**
 * The autoscaling model of a stack, read from its template (Heat's API does not show properties): each
 * OS::Heat::AutoScalingGroup with its sizes and cooldown, each OS::Heat::ScalingPolicy with its group,
 * adjustment and cooldown, get_param resolved from the stack's parameters. And the group's cooldown end,
 * from the group's metadata as Heat keeps it or, when the cloud does not show it, replayed from the
 * policies' SIGNAL_COMPLETE events. Pure functions, tested without a cloud.
 */

export interface GroupModel {
  name: string;
  minSize: number;
  maxSize: number;
  desired: number | null;
  cooldown: number | null;
  memberType: string | null;
}

export interface PolicyModel {
  name: string;
  group: string | null;
  adjustmentType: string;
  adjustment: number;
  cooldown: number | null;
}

export interface ScalingModel {
  groups: GroupModel[];
  policies: PolicyModel[];
}

type Wire = Record<string, unknown>;
const record = (v: unknown): Wire => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Wire) : {});

function resolve(value: unknown, parameters: Record<string, string>): unknown {
  const v = record(value);
  if ('get_param' in v) {
    const name = Array.isArray(v.get_param) ? v.get_param[0] : v.get_param;
    return typeof name === 'string' ? parameters[name] : undefined;
  }
  if ('get_resource' in v) return v.get_resource;
  if ('Ref' in v) return parameters[String(v.Ref)] ?? v.Ref;
  return value;
}

function num(value: unknown, parameters: Record<string, string>): number | null {
  const v = resolve(value, parameters);
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

export function scalingModel(template: unknown, parameters: Record<string, string>): ScalingModel {
  const resources = record(record(template).resources);
  const groups: GroupModel[] = [];
  const policies: PolicyModel[] = [];
  for (const [name, raw] of Object.entries(resources)) {
    const r = record(raw);
    const props = record(r.properties);
    if (r.type === 'OS::Heat::AutoScalingGroup') {
      const minSize = num(props.min_size, parameters) ?? 0;
      groups.push({
        name,
        minSize,
        maxSize: num(props.max_size, parameters) ?? minSize,
        desired: num(props.desired_capacity, parameters),
        cooldown: num(props.cooldown, parameters),
        memberType: typeof record(props.resource).type === 'string' ? (record(props.resource).type as string) : null,
      });
    } else if (r.type === 'OS::Heat::ScalingPolicy') {
      const group = resolve(props.auto_scaling_group_id, parameters);
      policies.push({
        name,
        group: typeof group === 'string' ? group : null,
        adjustmentType: String(resolve(props.adjustment_type, parameters) ?? 'change_in_capacity'),
        adjustment: num(props.scaling_adjustment, parameters) ?? 0,
        cooldown: num(props.cooldown, parameters),
      });
    }
  }
  // A policy naming no group we know of, in a stack with one group, belongs to it.
  for (const p of policies) if (!groups.some((g) => g.name === p.group) && groups.length === 1) p.group = groups[0]!.name;
  return { groups, policies };
}

/** Heat's group metadata: {"cooldown_end": {"<iso>": "<reason>"}, "scaling_in_progress": false}. */
export function cooldownFromMetadata(metadata: Record<string, unknown>): string | null {
  const end = metadata.cooldown_end;
  const times = typeof end === 'string' ? [end] : Object.keys(record(end));
  // Heat writes Python's naive isoformat of a UTC time: read it as UTC, not as local time.
  const utc = (t: string) => Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(t) ? t : `${t}Z`);
  const valid = times.filter((t) => !Number.isNaN(utc(t))).sort((a, b) => utc(a) - utc(b));
  return valid.length ? new Date(utc(valid.at(-1)!)).toISOString() : null;
}

export interface SignalEventLike {
  resourceName: string;
  action: string;
  status: string;
  time: string;
}

/**
 * The cooldown end replayed from the group's policies' SIGNAL_COMPLETE events, oldest first: a signal at or
 * after the current end starts a cooldown of the policy's (else the group's) seconds; one before it was
 * refused (Heat records none then, but a cloud that does must not extend the cooldown).
 */
export function replayCooldown(events: SignalEventLike[], policies: PolicyModel[], group: GroupModel): { cooldownUntil: string | null } {
  const cooldowns = new Map(policies.filter((p) => p.group === group.name).map((p) => [p.name, p.cooldown ?? group.cooldown ?? 0]));
  const signals = events
    .filter((e) => e.action === 'SIGNAL' && e.status === 'COMPLETE' && cooldowns.has(e.resourceName))
    .map((e) => ({ at: Date.parse(e.time), seconds: cooldowns.get(e.resourceName)! }))
    .filter((s) => !Number.isNaN(s.at))
    .sort((a, b) => a.at - b.at);
  let end = Number.NEGATIVE_INFINITY;
  for (const s of signals) if (s.at >= end) end = s.at + s.seconds * 1000;
  return { cooldownUntil: Number.isFinite(end) ? new Date(end).toISOString() : null };
}

/** Whether a policy's adjustment can change the group from `current` (clamped to min/max). */
export function canChange(policy: PolicyModel, group: GroupModel, current: number): boolean {
  const { adjustment, adjustmentType } = policy;
  const target =
    adjustmentType === 'exact_capacity' ? adjustment : adjustmentType === 'percent_change_in_capacity' ? current + Math.sign(adjustment) : current + adjustment;
  return Math.min(group.maxSize, Math.max(group.minSize, target)) !== current;
}

/** Which policy an alarm action (alarm_url, signal_url or trust+signal_url) signals, in this stack. */
export function actionTargetsPolicy(action: string, stack: { name: string; id: string }, policy: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(action.replace(/^trust\+/, ''));
  } catch {
    return false;
  }
  const path = `stacks/${stack.name}/${stack.id}/resources/${policy}`;
  return decoded.includes(`/${path}/signal`) || decoded.endsWith(`:${path}`) || decoded.includes(`:${path}?`);
}

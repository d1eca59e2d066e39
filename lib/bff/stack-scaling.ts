import 'server-only';

import { createTranslator } from 'use-intl/core';

import { describeRule } from '../alarms/rule-text';
import type { Locale } from '../i18n/locales';
import { MESSAGES } from '../i18n/messages';
import { aodhClient, listAlarms } from '../openstack/aodh/alarms';
import type { Alarm, AlarmState } from '../openstack/aodh/types';
import { gnocchiClient, serverCpu } from '../openstack/gnocchi/measures';
import { callStack, getStack } from '../openstack/heat/client';
import { listEvents } from '../openstack/heat/events';
import { getResource, getResourceMetadata, listResources } from '../openstack/heat/resources';
import type { Stack, StackResource } from '../openstack/heat/types';
import { novaClient } from '../openstack/nova/client';
import { getServer } from '../openstack/nova/servers';
import type { ServiceClient } from '../openstack/service-client';
import type { ScopedContext } from './guard';
import { checkSignalUrl } from './signal-url-guard';
import { heatOf, signalEndpoints } from './stack-detail';
import { type GroupModel, type ScalingModel, actionTargetsPolicy, cooldownFromMetadata, replayCooldown, scalingModel } from './stack-scaling-model';

/** The scaling tab: each AutoScalingGroup with its sizes, cooldown, members (status, CPU) and policies with their alarms. */
export interface ScalingMember {
  serverId: string;
  name: string;
  status: string;
  cpuPercent: number | null;
}

export interface ScalingPolicyView {
  name: string;
  adjustmentType: string;
  adjustment: number;
  cooldown: number | null;
  signalOutputKey: string | null;
  alarms: { id: string; name: string; state: AlarmState; ruleText: string }[];
}

export interface ScalingGroupView {
  name: string;
  physicalId: string;
  current: number;
  desired: number;
  min: number;
  max: number;
  cooldownUntil: string | null;
  members: ScalingMember[];
  policies: ScalingPolicyView[];
}

export interface ScalingView {
  groups: ScalingGroupView[];
}

/** The stack's template and parameters read as a scaling model. */
export async function loadScalingModel(heat: ServiceClient, stack: Stack): Promise<ScalingModel> {
  const template = await callStack<unknown>(heat, stack.id, '/template');
  return scalingModel(template, Object.fromEntries(stack.parameters.map((p) => [p.name, p.value])));
}

/** Heat's group size (current_size), or null when the cloud does not show it. */
export async function groupSize(heat: ServiceClient, stack: Stack, group: string): Promise<number | null> {
  const detail = await getResource(heat, stack, group);
  const size = detail.attributes.current_size;
  return typeof size === 'number' ? size : typeof size === 'string' && size !== '' && Number.isFinite(Number(size)) ? Number(size) : null;
}

/** When the group's cooldown ends, and whether the newest signal fell inside the previous one. */
export async function groupCooldown(heat: ServiceClient, stack: Stack, model: ScalingModel, group: GroupModel) {
  const metadata = await getResourceMetadata(heat, stack, group.name).catch(() => ({}));
  const fromMetadata = cooldownFromMetadata(metadata);
  if (fromMetadata) return { cooldownUntil: fromMetadata };
  const events = await listEvents(heat, stack.id, { action: 'SIGNAL', sortDir: 'asc' });
  return replayCooldown(events, model.policies, group);
}

/** The output that signals a policy of this stack, when one does. */
function outputOf(ctx: ScopedContext, stack: Stack, policy: string): string | null {
  const endpoints = signalEndpoints(ctx);
  for (const o of stack.outputs) {
    if (typeof o.value !== 'string') continue;
    const check = checkSignalUrl(o.value, endpoints, ctx.project.id);
    if (check.ok && check.resource === policy && check.stackId === stack.id) return o.key;
  }
  return null;
}

async function memberOf(ctx: ScopedContext, nested: StackResource[], member: StackResource): Promise<ScalingMember | null> {
  const server =
    member.type === 'OS::Nova::Server'
      ? member
      : nested.find((r) => r.type === 'OS::Nova::Server' && r.parentResource === member.name && r.stackId === member.physicalId);
  if (!server?.physicalId) return null;
  const [found, cpu] = await Promise.all([
    getServer(novaClient(ctx.endpoint('compute'), ctx.token), server.physicalId).catch(() => null),
    serverCpu(gnocchiClient(ctx.endpoint('metric'), ctx.token), server.physicalId).catch(() => []),
  ]);
  return {
    serverId: server.physicalId,
    name: found?.name ?? member.name,
    status: found?.status ?? `${member.action}_${member.status}`,
    cpuPercent: cpu.at(-1)?.value ?? null,
  };
}

async function alarmsOf(ctx: ScopedContext): Promise<Alarm[]> {
  try {
    return await listAlarms(aodhClient(ctx.endpoint('alarming'), ctx.token));
  } catch {
    return [];
  }
}

export async function loadScaling(ctx: ScopedContext, stackId: string, locale: Locale): Promise<ScalingView> {
  const heat = heatOf(ctx);
  const stack = await getStack(heat, stackId);
  const model = await loadScalingModel(heat, stack);
  if (model.groups.length === 0) return { groups: [] };
  const [resources, alarms] = await Promise.all([listResources(heat, stack.id, 2), alarmsOf(ctx)]);
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'alarms.rule' });
  const groups = await Promise.all(
    model.groups.map(async (group): Promise<ScalingGroupView> => {
      const own = resources.find((r) => r.name === group.name && r.stackId === stack.id) ?? resources.find((r) => r.name === group.name && !r.parentResource);
      const physicalId = own?.physicalId ?? '';
      const memberResources = resources.filter((r) => r.parentResource === group.name && (!physicalId || r.stackId === physicalId));
      const [size, cooldown, members] = await Promise.all([
        groupSize(heat, stack, group.name).catch(() => null),
        groupCooldown(heat, stack, model, group),
        Promise.all(memberResources.map((m) => memberOf(ctx, resources, m))),
      ]);
      const listed = members.filter((m): m is ScalingMember => m !== null);
      return {
        name: group.name,
        physicalId,
        current: memberResources.length > 0 ? listed.length : (size ?? 0),
        desired: size ?? group.desired ?? group.minSize,
        min: group.minSize,
        max: group.maxSize,
        cooldownUntil: cooldown.cooldownUntil,
        members: listed,
        policies: model.policies
          .filter((p) => p.group === group.name)
          .map((p) => ({
            name: p.name,
            adjustmentType: p.adjustmentType,
            adjustment: p.adjustment,
            cooldown: p.cooldown ?? group.cooldown,
            signalOutputKey: outputOf(ctx, stack, p.name),
            alarms: alarms
              .filter((a) => a.alarmActions.some((action) => actionTargetsPolicy(action, stack, p.name)))
              .map((a) => ({ id: a.id, name: a.name, state: a.state, ruleText: describeRule(a, t) })),
          })),
      };
    }),
  );
  return { groups };
}

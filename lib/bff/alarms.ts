import 'server-only';

import { createTranslator } from 'use-intl/core';

import { describeRule } from '../alarms/rule-text';
import type { Locale } from '../i18n/locales';
import { MESSAGES } from '../i18n/messages';
import {
  aodhClient,
  alarmHistory,
  createAlarm,
  deleteAlarm,
  getAlarm,
  listAlarms,
  patchAlarm,
} from '../openstack/aodh/alarms';
import type { Alarm, AlarmChange, AlarmState } from '../openstack/aodh/types';
import { novaClient } from '../openstack/nova/client';
import { listServerNames } from '../openstack/nova/volume-attachments';
import type { ServiceClient } from '../openstack/service-client';
import type { AlarmFormValues, AlarmPatch } from '../validation/alarms';
import { alarmFieldsWire, aodhRefusal, createBody, patchWire, ruleWire } from './alarms-wire';
import type { ScopedContext } from './guard';
import { checkSignalUrl } from './signal-url-guard';

/** An alarm as the pages show it: Aodh's alarm and its rule in words, in the user's language. */
export type AlarmRow = Alarm & { ruleText: string };

/** Where an action URL goes: a scaling policy of one of the user's stacks, or somewhere else. */
export interface ActionTarget {
  url: string;
  heat: { stackName: string; stackId: string; resource: string; via: 'native' | 'cfn' } | null;
}

export interface AlarmDetailView {
  alarm: AlarmRow;
  actions: { alarm: ActionTarget[]; ok: ActionTarget[]; insufficientData: ActionTarget[] };
}

export const aodh = (ctx: ScopedContext): ServiceClient => aodhClient(ctx.endpoint('alarming'), ctx.token);

export function withRuleText(alarm: Alarm, locale: Locale, names?: ReadonlyMap<string, string>): AlarmRow {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'alarms.rule' });
  return { ...alarm, ruleText: describeRule(alarm, t, names) };
}

/** The project's instance names by id, for rule texts; Nova failing only costs the names. */
async function instanceNames(ctx: ScopedContext): Promise<Map<string, string>> {
  try {
    const servers = await listServerNames(novaClient(ctx.endpoint('compute'), ctx.token));
    return new Map(servers.filter((s) => s.name).map((s) => [s.id, s.name]));
  } catch {
    return new Map();
  }
}

export async function loadAlarms(ctx: ScopedContext, locale: Locale, state?: AlarmState): Promise<{ alarms: AlarmRow[] }> {
  const [alarms, names] = await Promise.all([listAlarms(aodh(ctx), state ? { state } : {}), instanceNames(ctx)]);
  alarms.sort((a, b) => a.name.localeCompare(b.name));
  return { alarms: alarms.map((a) => withRuleText(a, locale, names)) };
}

export const optionalEndpoint = (ctx: ScopedContext, type: string): string | null => {
  try {
    return ctx.endpoint(type);
  } catch {
    return null;
  }
};

/** Action URLs with the stack and policy they signal, when they are the user's own Heat URLs. */
export function actionTargets(ctx: ScopedContext, urls: string[]): ActionTarget[] {
  const endpoints = { orchestration: optionalEndpoint(ctx, 'orchestration'), cloudformation: optionalEndpoint(ctx, 'cloudformation') };
  return urls.map((url) => {
    // Aodh calls trust+http(s) URLs with a trust token; the target is the same URL.
    const check = checkSignalUrl(url.replace(/^trust\+/i, ''), endpoints, ctx.project.id);
    return { url, heat: check.ok ? { stackName: check.stackName, stackId: check.stackId, resource: check.resource, via: check.via } : null };
  });
}

export async function loadAlarm(ctx: ScopedContext, id: string, locale: Locale): Promise<AlarmDetailView> {
  const [alarm, names] = await Promise.all([getAlarm(aodh(ctx), id), instanceNames(ctx)]);
  return {
    alarm: withRuleText(alarm, locale, names),
    actions: {
      alarm: actionTargets(ctx, alarm.alarmActions),
      ok: actionTargets(ctx, alarm.okActions),
      insufficientData: actionTargets(ctx, alarm.insufficientDataActions),
    },
  };
}

/** Aodh's changes, newest first whatever order the cloud sent them in. */
export async function loadAlarmHistory(ctx: ScopedContext, id: string): Promise<{ changes: AlarmChange[] }> {
  const changes = await alarmHistory(aodh(ctx), id, 200);
  changes.sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
  return { changes };
}

const refusing = async <T>(call: Promise<T>): Promise<T> => {
  try {
    return await call;
  } catch (error) {
    throw aodhRefusal(error);
  }
};

export async function addAlarm(ctx: ScopedContext, values: AlarmFormValues): Promise<Alarm> {
  return refusing(createAlarm(aodh(ctx), createBody(values)));
}

/** PUT: the whole form. Aodh replaces the alarm; fields the form does not show (time constraints) are kept. */
export async function replaceAlarmSettings(ctx: ScopedContext, id: string, values: AlarmFormValues): Promise<Alarm> {
  const fields = alarmFieldsWire(values);
  if (fields.description === undefined) fields.description = '';
  return refusing(patchAlarm(aodh(ctx), id, { fields, rule: ruleWire(values), replaceRule: true }));
}

export async function patchAlarmSettings(ctx: ScopedContext, id: string, patch: AlarmPatch): Promise<Alarm> {
  return refusing(patchAlarm(aodh(ctx), id, patchWire(patch)));
}

export async function setAlarmEnabled(ctx: ScopedContext, id: string, enabled: boolean): Promise<Alarm> {
  return refusing(patchAlarm(aodh(ctx), id, { fields: { enabled } }));
}

export async function removeAlarm(ctx: ScopedContext, id: string): Promise<void> {
  await deleteAlarm(aodh(ctx), id);
}

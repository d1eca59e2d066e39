import { loadAlarm, patchAlarmSettings, removeAlarm, replaceAlarmSettings } from '@/lib/bff/alarms';
import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { getLocale } from '@/lib/i18n/server';
import { alarmFormSchema, alarmPatchSchema } from '@/lib/validation/alarms';

export const GET = sessionRoute(async (ctx, _request, params) => noStoreJson(await loadAlarm(ctx, params.id ?? '', await getLocale())));

export const PUT = sessionRoute(async (ctx, request, params) =>
  noStoreJson({ alarm: await replaceAlarmSettings(ctx, params.id ?? '', alarmFormSchema.parse(await readJson(request))) }),
);

export const PATCH = sessionRoute(async (ctx, request, params) =>
  noStoreJson({ alarm: await patchAlarmSettings(ctx, params.id ?? '', alarmPatchSchema.parse(await readJson(request))) }),
);

export const DELETE = sessionRoute(async (ctx, _request, params) => {
  await removeAlarm(ctx, params.id ?? '');
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

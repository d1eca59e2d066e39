import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { addAlarm, loadAlarms } from '@/lib/bff/alarms';
import { readJson } from '@/lib/bff/request';
import { getLocale } from '@/lib/i18n/server';
import { alarmFormSchema, alarmListQuerySchema } from '@/lib/validation/alarms';

export const GET = sessionRoute(async (ctx, request) => {
  const { state } = alarmListQuerySchema.parse({ state: request.nextUrl.searchParams.get('state') ?? undefined });
  return noStoreJson(await loadAlarms(ctx, await getLocale(), state));
});

export const POST = sessionRoute(async (ctx, request) =>
  noStoreJson({ alarm: await addAlarm(ctx, alarmFormSchema.parse(await readJson(request))) }, { status: 201 }),
);

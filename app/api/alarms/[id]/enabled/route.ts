import { setAlarmEnabled } from '@/lib/bff/alarms';
import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { alarmEnabledSchema } from '@/lib/validation/alarms';

export const POST = sessionRoute(async (ctx, request, params) => {
  const { enabled } = alarmEnabledSchema.parse(await readJson(request));
  return noStoreJson({ alarm: await setAlarmEnabled(ctx, params.id ?? '', enabled) });
});

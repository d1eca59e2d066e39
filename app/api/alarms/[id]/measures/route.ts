import { loadAlarmMeasures } from '@/lib/bff/alarm-measures';
import { noStoreJson, sessionRoute } from '@/lib/bff/guard';

export const GET = sessionRoute(async (ctx, _request, params) => noStoreJson(await loadAlarmMeasures(ctx, params.id ?? '')));

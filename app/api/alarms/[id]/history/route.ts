import { loadAlarmHistory } from '@/lib/bff/alarms';
import { noStoreJson, sessionRoute } from '@/lib/bff/guard';

export const GET = sessionRoute(async (ctx, _request, params) => noStoreJson(await loadAlarmHistory(ctx, params.id ?? '')));

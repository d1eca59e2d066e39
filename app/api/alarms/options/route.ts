import { loadAlarmFormOptions } from '@/lib/bff/alarm-form-options';
import { noStoreJson, sessionRoute } from '@/lib/bff/guard';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadAlarmFormOptions(ctx)));

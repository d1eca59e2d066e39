import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadUsage } from '@/lib/bff/usage';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadUsage(ctx)));

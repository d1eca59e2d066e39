import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadOverview } from '@/lib/bff/overview';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadOverview(ctx)));

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadAdminOverview } from '@/lib/bff/identity';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadAdminOverview(ctx)));

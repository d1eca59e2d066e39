import { loadApiAccess } from '@/lib/bff/api-access';
import { noStoreJson, sessionRoute } from '@/lib/bff/guard';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadApiAccess(ctx)));

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadOutputs } from '@/lib/bff/stack-detail';

export const GET = sessionRoute(async (ctx, _request, params) => noStoreJson(await loadOutputs(ctx, params.id ?? '')));

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadStackTemplate } from '@/lib/bff/stacks';

export const GET = sessionRoute(async (ctx, _request, params) => noStoreJson(await loadStackTemplate(ctx, params.id ?? '')));

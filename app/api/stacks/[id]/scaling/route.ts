import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadScaling } from '@/lib/bff/stack-scaling';
import { getLocale } from '@/lib/i18n/server';

export const GET = sessionRoute(async (ctx, _request, params) => noStoreJson(await loadScaling(ctx, params.id ?? '', await getLocale())));

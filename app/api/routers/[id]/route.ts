import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { editRouter, loadRouterDetail, removeRouter } from '@/lib/bff/routers';

export const GET = sessionRoute(async (ctx, _request, params) => noStoreJson(await loadRouterDetail(ctx, params.id ?? '')));

export const PUT = sessionRoute(async (ctx, request, params) => noStoreJson({ router: await editRouter(ctx, params.id ?? '', await readJson(request)) }));

export const DELETE = sessionRoute(async (ctx, _request, params) => {
  await removeRouter(ctx, params.id ?? '');
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { editNetwork, loadNetworkDetail, removeNetwork } from '@/lib/bff/networks';
import { readJson } from '@/lib/bff/request';

export const GET = sessionRoute(async (ctx, _request, params) => noStoreJson(await loadNetworkDetail(ctx, params.id ?? '')));

export const PUT = sessionRoute(async (ctx, request, params) => noStoreJson({ network: await editNetwork(ctx, params.id ?? '', await readJson(request)) }));

export const DELETE = sessionRoute(async (ctx, _request, params) => {
  await removeNetwork(ctx, params.id ?? '');
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { editSubnet, removeSubnet } from '@/lib/bff/subnets';

export const PUT = sessionRoute(async (ctx, request, params) => noStoreJson({ subnet: await editSubnet(ctx, params.id ?? '', await readJson(request)) }));

export const DELETE = sessionRoute(async (ctx, _request, params) => {
  await removeSubnet(ctx, params.id ?? '');
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { editSecurityGroup, loadSecurityGroup, removeSecurityGroup } from '@/lib/bff/security-groups';

export const GET = sessionRoute(async (ctx, _request, params) => noStoreJson(await loadSecurityGroup(ctx, params.id ?? '')));

export const PUT = sessionRoute(async (ctx, request, params) =>
  noStoreJson({ group: await editSecurityGroup(ctx, params.id ?? '', await readJson(request)) }),
);

export const DELETE = sessionRoute(async (ctx, _request, params) => {
  await removeSecurityGroup(ctx, params.id ?? '');
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

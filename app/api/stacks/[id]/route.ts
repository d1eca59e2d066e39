import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { changeStack, loadStack, removeStack } from '@/lib/bff/stacks';
import { STACK_BODY_LIMIT, updateStackSchema } from '@/lib/validation/stacks';

export const GET = sessionRoute(async (ctx, _request, params) => noStoreJson(await loadStack(ctx, params.id ?? '')));

const update = sessionRoute(async (ctx, request, params) => {
  await changeStack(ctx, params.id ?? '', updateStackSchema.parse(await readJson(request, STACK_BODY_LIMIT)));
  return new Response(null, { status: 202, headers: { 'Cache-Control': 'no-store' } });
});

export const PUT = update;
export const PATCH = update;

export const DELETE = sessionRoute(async (ctx, _request, params) => {
  await removeStack(ctx, params.id ?? '');
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

import { sessionRoute } from '@/lib/bff/guard';
import { removeKeyPair } from '@/lib/bff/keypairs';

export const DELETE = sessionRoute(async (ctx, _request, params) => {
  await removeKeyPair(ctx, params.name ?? '');
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

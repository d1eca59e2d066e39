import { sessionRoute } from '@/lib/bff/guard';
import { removeSnapshot } from '@/lib/bff/volumes';

export const DELETE = sessionRoute(async (ctx, _request, params) => {
  await removeSnapshot(ctx, params.id ?? '');
  return new Response(null, { status: 202, headers: { 'Cache-Control': 'no-store' } });
});

import { sessionRoute } from '@/lib/bff/guard';
import { removeVolume } from '@/lib/bff/volumes';

export const DELETE = sessionRoute(async (ctx, _request, params) => {
  await removeVolume(ctx, params.id ?? '');
  return new Response(null, { status: 202, headers: { 'Cache-Control': 'no-store' } });
});

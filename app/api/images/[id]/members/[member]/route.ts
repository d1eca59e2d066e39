import { sessionRoute } from '@/lib/bff/guard';
import { unshareImage } from '@/lib/bff/images-sharing';

export const DELETE = sessionRoute(async (ctx, _request, params) => {
  await unshareImage(ctx, params.id ?? '', params.member ?? '');
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

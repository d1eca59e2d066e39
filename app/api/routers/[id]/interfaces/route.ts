import { sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { connectSubnet, disconnectSubnet } from '@/lib/bff/routers';

const done = () => new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });

export const POST = sessionRoute(async (ctx, request, params) => {
  await connectSubnet(ctx, params.id ?? '', await readJson(request));
  return done();
});

/** ?subnet=<id>: the interface on that subnet goes. */
export const DELETE = sessionRoute(async (ctx, request, params) => {
  await disconnectSubnet(ctx, params.id ?? '', request.nextUrl.searchParams.get('subnet') ?? '');
  return done();
});

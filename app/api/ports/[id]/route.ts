import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { editPort, removePort } from '@/lib/bff/ports';
import { readJson } from '@/lib/bff/request';

export const PUT = sessionRoute(async (ctx, request, params) => noStoreJson({ port: await editPort(ctx, params.id ?? '', await readJson(request)) }));

/** ?confirm=instance: the user was told which instance loses this network. */
export const DELETE = sessionRoute(async (ctx, request, params) => {
  await removePort(ctx, params.id ?? '', { confirmedInstance: request.nextUrl.searchParams.get('confirm') === 'instance' });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

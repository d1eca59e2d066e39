import { removeFlavor, replaceFlavor } from '@/lib/bff/flavors';
import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { flavorSchema } from '@/lib/validation/flavors';

/** PUT replaces the flavor: a new one with a new ID, the old one deleted (Nova cannot modify flavors). */
export const PUT = sessionRoute(async (ctx, request, params) =>
  noStoreJson(await replaceFlavor(ctx, params.id ?? '', flavorSchema.parse(await readJson(request)))),
);

export const DELETE = sessionRoute(async (ctx, _request, params) => {
  await removeFlavor(ctx, params.id ?? '');
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

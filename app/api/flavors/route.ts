import { addFlavor, loadFlavors } from '@/lib/bff/flavors';
import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { flavorSchema } from '@/lib/validation/flavors';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadFlavors(ctx)));

export const POST = sessionRoute(async (ctx, request) =>
  noStoreJson(await addFlavor(ctx, flavorSchema.parse(await readJson(request))), { status: 201 }),
);

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { addNetwork, loadNetworks } from '@/lib/bff/networks';
import { readJson } from '@/lib/bff/request';

export const GET = sessionRoute(async (ctx, request) =>
  noStoreJson(await loadNetworks(ctx, { allProjects: request.nextUrl.searchParams.get('all') === '1' })),
);

export const POST = sessionRoute(async (ctx, request) => noStoreJson(await addNetwork(ctx, await readJson(request)), { status: 201 }));

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadServerList } from '@/lib/bff/servers';
import { serverListSchema } from '@/lib/validation/servers';

export const GET = sessionRoute(async (ctx, request) =>
  noStoreJson(await loadServerList(ctx, serverListSchema.parse(Object.fromEntries(request.nextUrl.searchParams)))),
);

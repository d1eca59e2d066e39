import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { launchServers } from '@/lib/bff/launch';
import { readJson } from '@/lib/bff/request';
import { loadServerList } from '@/lib/bff/servers';
import { launchSchema, serverListSchema } from '@/lib/validation/servers';

export const GET = sessionRoute(async (ctx, request) =>
  noStoreJson(await loadServerList(ctx, serverListSchema.parse(Object.fromEntries(request.nextUrl.searchParams)))),
);

export const POST = sessionRoute(async (ctx, request) => {
  const input = launchSchema.parse(await readJson(request));
  return noStoreJson(await launchServers(ctx, input), { status: 202 });
});

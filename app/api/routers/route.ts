import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { addRouter, loadRouters } from '@/lib/bff/routers';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadRouters(ctx)));

export const POST = sessionRoute(async (ctx, request) => noStoreJson({ router: await addRouter(ctx, await readJson(request)) }, { status: 201 }));

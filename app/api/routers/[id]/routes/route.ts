import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { setRouterRoutes } from '@/lib/bff/routers';

/** Body {routes: "destination,nexthop" per line}: the list replaces the router's static routes. */
export const PUT = sessionRoute(async (ctx, request, params) => noStoreJson({ router: await setRouterRoutes(ctx, params.id ?? '', await readJson(request)) }));

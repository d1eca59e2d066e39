import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { setRouterGateway } from '@/lib/bff/routers';

/** Body {networkId, enableSnat}: networkId '' clears the gateway. */
export const PUT = sessionRoute(async (ctx, request, params) => noStoreJson({ router: await setRouterGateway(ctx, params.id ?? '', await readJson(request)) }));

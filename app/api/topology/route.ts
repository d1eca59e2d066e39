import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadTopology } from '@/lib/bff/topology';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadTopology(ctx)));

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadNetworkAgents } from '@/lib/bff/network-agents';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadNetworkAgents(ctx)));

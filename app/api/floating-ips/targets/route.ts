import { loadAssociateTargets } from '@/lib/bff/floating-ips';
import { noStoreJson, sessionRoute } from '@/lib/bff/guard';

/** The project's instances' fixed IPs with the pools each can reach, for the associate form. */
export const GET = sessionRoute(async (ctx) => noStoreJson(await loadAssociateTargets(ctx)));

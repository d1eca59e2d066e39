import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { changeAgentAdminState } from '@/lib/bff/network-agents';
import { readJson } from '@/lib/bff/request';

/** Enables or disables an agent: {adminStateUp: boolean}. */
export const PUT = sessionRoute(async (ctx, request, params) => noStoreJson({ agent: await changeAgentAdminState(ctx, params.id ?? '', await readJson(request)) }));

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadSessionView } from '@/lib/bff/session-view';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadSessionView(ctx)));

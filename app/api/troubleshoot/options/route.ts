import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadTroubleshootOptions } from '@/lib/bff/troubleshoot';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadTroubleshootOptions(ctx)));

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadLaunchOptions } from '@/lib/bff/launch';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadLaunchOptions(ctx)));

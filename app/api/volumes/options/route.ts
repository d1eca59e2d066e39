import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadVolumeFormOptions } from '@/lib/bff/volumes';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadVolumeFormOptions(ctx)));

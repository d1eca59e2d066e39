import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadProjects } from '@/lib/bff/identity';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadProjects(ctx)));

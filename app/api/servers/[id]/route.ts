import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { loadServerDetail, renameInstance } from '@/lib/bff/servers';
import { renameSchema } from '@/lib/validation/servers';

export const GET = sessionRoute(async (ctx, _request, params) => noStoreJson(await loadServerDetail(ctx, params.id ?? '')));

export const PUT = sessionRoute(async (ctx, request, params) => {
  const { name } = renameSchema.parse(await readJson(request));
  await renameInstance(ctx, params.id ?? '', name);
  return noStoreJson({ name });
});

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { snapshotInstance } from '@/lib/bff/servers';
import { snapshotSchema } from '@/lib/validation/servers';

export const POST = sessionRoute(async (ctx, request, params) => {
  const { name } = snapshotSchema.parse(await readJson(request));
  await snapshotInstance(ctx, params.id ?? '', name);
  return noStoreJson({ accepted: 'snapshot' }, { status: 202 });
});

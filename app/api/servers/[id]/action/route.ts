import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { runServerAction } from '@/lib/bff/servers';
import { serverActionSchema } from '@/lib/validation/servers';

export const POST = sessionRoute(async (ctx, request, params) => {
  const { action } = serverActionSchema.parse(await readJson(request));
  await runServerAction(ctx, params.id ?? '', action);
  return noStoreJson({ accepted: action }, { status: 202 });
});

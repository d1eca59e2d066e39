import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { previewChange } from '@/lib/bff/stacks';
import { STACK_BODY_LIMIT, updateStackSchema } from '@/lib/validation/stacks';

/** The update preview: what an update would add, replace, change or delete (null when the cloud has none). */
export const POST = sessionRoute(async (ctx, request, params) =>
  noStoreJson(await previewChange(ctx, params.id ?? '', updateStackSchema.parse(await readJson(request, STACK_BODY_LIMIT)))),
);

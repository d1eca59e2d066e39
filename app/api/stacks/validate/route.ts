import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { validateBundle } from '@/lib/bff/stacks';
import { STACK_BODY_LIMIT, templateBundleSchema } from '@/lib/validation/stacks';

export const POST = sessionRoute(async (ctx, request) =>
  noStoreJson(await validateBundle(ctx, templateBundleSchema.parse(await readJson(request, STACK_BODY_LIMIT)))),
);

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { previewLaunch } from '@/lib/bff/stacks';
import { STACK_BODY_LIMIT, launchStackSchema } from '@/lib/validation/stacks';

export const POST = sessionRoute(async (ctx, request) =>
  noStoreJson(await previewLaunch(ctx, launchStackSchema.parse(await readJson(request, STACK_BODY_LIMIT)))),
);

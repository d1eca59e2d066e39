import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { launchStack, loadStacks } from '@/lib/bff/stacks';
import { STACK_BODY_LIMIT, launchStackSchema } from '@/lib/validation/stacks';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadStacks(ctx)));

export const POST = sessionRoute(async (ctx, request) =>
  noStoreJson(await launchStack(ctx, launchStackSchema.parse(await readJson(request, STACK_BODY_LIMIT))), { status: 201 }),
);

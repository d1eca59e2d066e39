import { sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { runStackAction } from '@/lib/bff/stacks';
import { stackActionSchema } from '@/lib/validation/stacks';

export const POST = sessionRoute(async (ctx, request, params) => {
  await runStackAction(ctx, params.id ?? '', stackActionSchema.parse(await readJson(request)).action);
  return new Response(null, { status: 202, headers: { 'Cache-Control': 'no-store' } });
});

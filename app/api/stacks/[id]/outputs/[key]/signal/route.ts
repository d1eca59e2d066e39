import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { outputKeySchema } from '@/lib/bff/stack-detail-queries';
import { signalOutput } from '@/lib/bff/stack-detail-signal';

/** The browser names the output only; the BFF reads its URL from Heat and checks it before POSTing. */
export const POST = sessionRoute(async (ctx, _request, params) =>
  noStoreJson(await signalOutput(ctx, params.id ?? '', outputKeySchema.parse(params.key ?? ''))),
);

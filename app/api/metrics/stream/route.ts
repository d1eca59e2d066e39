import { sessionRoute } from '@/lib/bff/guard';
import { metricStreamFor } from '@/lib/bff/metrics-sources';
import { metricEventStream, pollIntervalMs, sseResponse } from '@/lib/bff/metrics-stream';
import { streamQuerySchema } from '@/lib/validation/metrics';

export const dynamic = 'force-dynamic';

/** Live chart points as Server-Sent Events; the session is checked once, when the stream opens. */
export const GET = sessionRoute(async (ctx, request) => {
  const params = request.nextUrl.searchParams;
  const target = streamQuerySchema.parse({ server: params.get('server') ?? undefined, stack: params.get('stack') ?? undefined });
  const poll = metricStreamFor(ctx, target);
  return sseResponse(metricEventStream({ poll, intervalMs: pollIntervalMs(), signal: request.signal }));
});

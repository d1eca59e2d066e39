import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadConsoleLog } from '@/lib/bff/servers';
import { consoleSchema } from '@/lib/validation/servers';

/** Only on request, never polled: a console log can be gigabytes (the guide's 5.5 GB console.log). */
export const GET = sessionRoute(async (ctx, request, params) => {
  const { lines } = consoleSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return noStoreJson(await loadConsoleLog(ctx, params.id ?? '', lines));
});

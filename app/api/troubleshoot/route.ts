import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { runTroubleshoot } from '@/lib/bff/troubleshoot';
import { troubleshootSchema } from '@/lib/validation/troubleshoot';

/** GET ?source=internet|instance|cidr&address|sourceServer|cidr&destination&protocol&port|icmpType&icmpCode: a read, so no CSRF. */
export const GET = sessionRoute(async (ctx, request) =>
  noStoreJson(await runTroubleshoot(ctx, troubleshootSchema.parse(Object.fromEntries(request.nextUrl.searchParams)))),
);

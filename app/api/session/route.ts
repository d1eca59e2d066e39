import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadSessionView } from '@/lib/bff/session-view';

/** The session as the browser may see it, plus the CSRF token its mutations must echo. */
export const GET = sessionRoute(async (ctx) =>
  noStoreJson({ ...(await loadSessionView(ctx)), csrfToken: ctx.session.csrf ?? null }),
);

import { cookies } from 'next/headers';

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { LAST_PROJECT_COOKIE, preferenceCookie } from '@/lib/bff/preferences';
import { readJson } from '@/lib/bff/request';
import { switchProject } from '@/lib/bff/scope';
import { switchProjectSchema } from '@/lib/validation/login';

export const POST = sessionRoute(async (ctx, request) => {
  const { projectId } = switchProjectSchema.parse(await readJson(request));
  await switchProject(ctx, projectId);
  (await cookies()).set(LAST_PROJECT_COOKIE, projectId, preferenceCookie);
  return noStoreJson({ project: ctx.session.project });
});

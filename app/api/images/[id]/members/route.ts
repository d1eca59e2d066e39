import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { answerShare, loadImageSharing, shareImage } from '@/lib/bff/images-sharing';
import { readJson } from '@/lib/bff/request';
import { answerShareSchema, shareImageSchema } from '@/lib/validation/images';

export const GET = sessionRoute(async (ctx, _request, params) => noStoreJson(await loadImageSharing(ctx, params.id ?? '')));

/** The owner adds a project. */
export const POST = sessionRoute(async (ctx, request, params) => {
  const { projectId } = shareImageSchema.parse(await readJson(request));
  return noStoreJson(await shareImage(ctx, params.id ?? '', projectId), { status: 201 });
});

/** A member project answers the share: accepted, rejected, or back to pending. */
export const PUT = sessionRoute(async (ctx, request, params) => {
  const { status } = answerShareSchema.parse(await readJson(request));
  return noStoreJson(await answerShare(ctx, params.id ?? '', status));
});

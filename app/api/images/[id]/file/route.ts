import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { uploadImage } from '@/lib/bff/images';

// The bytes stream from the browser to Glance; nothing is buffered or kept here.
export const PUT = sessionRoute(async (ctx, request, params) => noStoreJson(await uploadImage(ctx, params.id ?? '', request)));

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { addVolume, loadVolumes } from '@/lib/bff/volumes';
import { createVolumeSchema } from '@/lib/validation/volumes';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadVolumes(ctx)));

export const POST = sessionRoute(async (ctx, request) =>
  noStoreJson(await addVolume(ctx, createVolumeSchema.parse(await readJson(request))), { status: 202 }),
);

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { addSnapshot } from '@/lib/bff/volumes';
import { createSnapshotSchema } from '@/lib/validation/volumes';

export const POST = sessionRoute(async (ctx, request) =>
  noStoreJson(await addSnapshot(ctx, createSnapshotSchema.parse(await readJson(request))), { status: 202 }),
);

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { addPort } from '@/lib/bff/ports';
import { readJson } from '@/lib/bff/request';

export const POST = sessionRoute(async (ctx, request) => noStoreJson({ port: await addPort(ctx, await readJson(request)) }, { status: 201 }));

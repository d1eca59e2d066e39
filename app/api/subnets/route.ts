import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { addSubnet } from '@/lib/bff/subnets';

export const POST = sessionRoute(async (ctx, request) => noStoreJson({ subnet: await addSubnet(ctx, await readJson(request)) }, { status: 201 }));

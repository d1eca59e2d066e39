import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { addSecurityGroup, loadSecurityGroups } from '@/lib/bff/security-groups';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadSecurityGroups(ctx)));

export const POST = sessionRoute(async (ctx, request) =>
  noStoreJson({ group: await addSecurityGroup(ctx, await readJson(request)) }, { status: 201 }),
);

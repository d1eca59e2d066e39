import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { changeServerSecurityGroup, loadServerSecurityGroups } from '@/lib/bff/security-groups';

export const GET = sessionRoute(async (ctx, _request, params) => noStoreJson(await loadServerSecurityGroups(ctx, params.id ?? '')));

/** {action: 'add'|'remove', securityGroupId} → Nova's addSecurityGroup / removeSecurityGroup. */
export const POST = sessionRoute(async (ctx, request, params) =>
  noStoreJson(await changeServerSecurityGroup(ctx, params.id ?? '', await readJson(request)), { status: 202 }),
);

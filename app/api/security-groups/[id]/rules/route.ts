import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { addRule, removeRules } from '@/lib/bff/security-groups';

/** POST one rule (body: securityGroupRuleInput) → 201 {rule}; DELETE {ruleIds} → {deleted, failed}. */
export const POST = sessionRoute(async (ctx, request, params) =>
  noStoreJson({ rule: await addRule(ctx, params.id ?? '', await readJson(request)) }, { status: 201 }),
);

export const DELETE = sessionRoute(async (ctx, request, params) => noStoreJson(await removeRules(ctx, params.id ?? '', await readJson(request))));

import type { Alarm, AlarmRule } from '../openstack/aodh/types';

/**
 * An alarm's rule in words ("cpu_util > 50 during 1 × 60 s"), for the alarm pages and the stack page's
 * scaling panel. A plain function over a translator for the "alarms.rule" messages, so the server and the
 * browser say it the same way in English and Japanese.
 */
export type RuleKey =
  | 'subject'
  | 'during'
  | 'over'
  | 'metrics'
  | 'forGroup'
  | 'forStack'
  | 'forInstance'
  | 'forResource'
  | 'forQuery'
  | 'unknown';

export type RuleTranslator = (key: RuleKey, values?: Record<string, string | number>) => string;

export const OPERATOR_SYMBOLS: Record<AlarmRule['comparisonOperator'], string> = { lt: '<', le: '≤', eq: '=', ne: '≠', ge: '≥', gt: '>' };

/** What a Gnocchi search query selects, when it is one of the shapes Heat templates write. */
export type QueryTarget = { kind: 'group'; value: string } | { kind: 'stack'; value: string } | { kind: 'instance'; value: string };

const TARGET_FIELDS: Record<string, QueryTarget['kind']> = {
  server_group: 'group',
  'metadata.user_metadata.stack': 'stack',
  'user_metadata.stack': 'stack',
  id: 'instance',
};

/** Finds `{"=": {field: value}}` (also `eq` and `==`) for a known field anywhere in the query, e.g. inside "and". */
export function queryTarget(query: string | null): QueryTarget | null {
  if (!query) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(query);
  } catch {
    return null;
  }
  const visit = (node: unknown): QueryTarget | null => {
    if (Array.isArray(node)) {
      for (const item of node) {
        const found = visit(item);
        if (found) return found;
      }
      return null;
    }
    if (!node || typeof node !== 'object') return null;
    for (const [op, operand] of Object.entries(node as Record<string, unknown>)) {
      if ((op === '=' || op === '==' || op === 'eq') && operand && typeof operand === 'object' && !Array.isArray(operand)) {
        for (const [field, value] of Object.entries(operand as Record<string, unknown>)) {
          const kind = TARGET_FIELDS[field];
          if (kind && (typeof value === 'string' || typeof value === 'number')) return { kind, value: String(value) };
        }
      }
      const found = visit(operand);
      if (found) return found;
    }
    return null;
  };
  return visit(parsed);
}

const formatNumber = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12))));

/** `names` maps instance ids to names, so a rule on one instance reads with the instance's name. */
export function describeRule(alarm: Pick<Alarm, 'type' | 'rule'>, t: RuleTranslator, names: ReadonlyMap<string, string> = new Map()): string {
  const { rule } = alarm;
  const instance = (id: string) => names.get(id) || id;
  const op = OPERATOR_SYMBOLS[rule.comparisonOperator] ?? rule.comparisonOperator;
  const threshold = formatNumber(rule.threshold);
  const periods = rule.evaluationPeriods;
  const subject = (metric: string, aggregation: string | null) =>
    aggregation && aggregation !== 'mean' ? t('subject', { aggregation, metric }) : metric;

  switch (alarm.type) {
    case 'gnocchi_resources_threshold': {
      const text = t('during', { subject: subject(rule.metric ?? '?', rule.aggregationMethod), op, threshold, periods, granularity: rule.granularity ?? 0 });
      if (!rule.resourceId) return text;
      return rule.resourceType === 'instance'
        ? t('forInstance', { rule: text, id: instance(rule.resourceId) })
        : t('forResource', { rule: text, type: rule.resourceType ?? '', id: rule.resourceId });
    }
    case 'gnocchi_aggregation_by_resources_threshold': {
      const text = t('over', { subject: t('subject', { aggregation: rule.aggregationMethod ?? 'mean', metric: rule.metric ?? '?' }), op, threshold, periods, granularity: rule.granularity ?? 0 });
      const target = queryTarget(rule.query);
      if (target?.kind === 'group') return t('forGroup', { rule: text, group: target.value });
      if (target?.kind === 'stack') return t('forStack', { rule: text, stack: target.value });
      if (target?.kind === 'instance') return t('forInstance', { rule: text, id: instance(target.value) });
      return rule.query ? t('forQuery', { rule: text, query: rule.query }) : text;
    }
    case 'gnocchi_aggregation_by_metrics_threshold': {
      const metrics = t('metrics', { count: rule.metrics.length });
      return t('over', { subject: t('subject', { aggregation: rule.aggregationMethod ?? 'mean', metric: metrics }), op, threshold, periods, granularity: rule.granularity ?? 0 });
    }
    case 'threshold': {
      const text = t('during', { subject: subject(rule.meterName ?? '?', rule.statistic === 'avg' ? null : rule.statistic), op, threshold, periods, granularity: rule.period ?? 0 });
      const target = legacyStack(rule.query);
      return target ? t('forStack', { rule: text, stack: target }) : text;
    }
    default:
      return t('unknown', { type: alarm.type });
  }
}

/** The legacy type's query list ([{field, op, value}]) naming a stack's instances by metadata. */
function legacyStack(query: string | null): string | null {
  if (!query) return null;
  try {
    const terms = JSON.parse(query) as unknown;
    if (!Array.isArray(terms)) return null;
    const term = terms.find(
      (q: unknown) => !!q && typeof q === 'object' && /user_metadata\.stack$/.test(String((q as { field?: unknown }).field)) && ((q as { op?: unknown }).op ?? 'eq') === 'eq',
    ) as { value?: unknown } | undefined;
    return term ? String(term.value) : null;
  } catch {
    return null;
  }
}

/**
 * For a rate of Gnocchi's cumulative `cpu` metric (nanoseconds of CPU time), the threshold as a share of
 * one vCPU over the rule's granularity: 800,000,000 over 1 s is 80 %, 200,000,000 over 600 s is 0.033 %.
 * A rate threshold counts per granularity period, which templates easily get wrong. Null for other rules.
 */
export function cpuShareOfThreshold(rule: AlarmRule): number | null {
  const granularity = rule.granularity ?? 0;
  if (rule.metric !== 'cpu' || !rule.aggregationMethod?.startsWith('rate:') || granularity <= 0) return null;
  return Number(((rule.threshold / (granularity * 1e9)) * 100).toPrecision(2));
}

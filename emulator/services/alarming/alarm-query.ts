// Aodh's complex query (POST /v2/query/alarms): a JSON filter of =, !=, <, <=, >, >=, in,
// and, or, not over the alarm's fields, with orderby and limit. aodhclient uses it to find
// an alarm by name.

import type { Alarm } from '../../store/schema';
import { alarmView } from './alarm-views';
import { badRequest } from './errors';

type Filter = Record<string, unknown>;

const COMPARE: Record<string, (a: unknown, b: unknown) => boolean> = {
  '=': (a, b) => a === b,
  eq: (a, b) => a === b,
  '!=': (a, b) => a !== b,
  ne: (a, b) => a !== b,
  '<': (a, b) => String(a) < String(b),
  lt: (a, b) => String(a) < String(b),
  '<=': (a, b) => String(a) <= String(b),
  le: (a, b) => String(a) <= String(b),
  '>': (a, b) => String(a) > String(b),
  gt: (a, b) => String(a) > String(b),
  '>=': (a, b) => String(a) >= String(b),
  ge: (a, b) => String(a) >= String(b),
};

export function queryAlarms(alarms: Alarm[], body: unknown): Record<string, unknown>[] {
  const request = (body ?? {}) as { filter?: unknown; orderby?: unknown; limit?: unknown };
  let filter: Filter | undefined;
  if (typeof request.filter === 'string' && request.filter.trim() !== '') {
    try {
      filter = JSON.parse(request.filter) as Filter;
    } catch {
      throw badRequest(`Filter expression not valid: ${request.filter}`);
    }
  }
  let views = alarms.map(alarmView);
  if (filter) views = views.filter((view) => matches(view, filter));
  if (typeof request.orderby === 'string' && request.orderby.trim() !== '') {
    const order = JSON.parse(request.orderby) as Record<string, string>[];
    for (const term of [...order].reverse()) {
      const [field, dir] = Object.entries(term)[0] ?? [];
      if (field === undefined) continue;
      const sign = String(dir).toLowerCase() === 'desc' ? -1 : 1;
      views = [...views].sort((a, b) => (String(a[field]) < String(b[field]) ? -sign : String(a[field]) > String(b[field]) ? sign : 0));
    }
  }
  const limit = Number(request.limit);
  return Number.isInteger(limit) && limit > 0 ? views.slice(0, limit) : views;
}

function matches(view: Record<string, unknown>, filter: Filter): boolean {
  const entry = Object.entries(filter)[0];
  if (entry === undefined) return true;
  const [op, operand] = [entry[0].toLowerCase(), entry[1]];
  if (op === 'and') return (operand as Filter[]).every((f) => matches(view, f));
  if (op === 'or') return (operand as Filter[]).some((f) => matches(view, f));
  if (op === 'not') return !matches(view, operand as Filter);
  const [field, value] = Object.entries(operand as Record<string, unknown>)[0] ?? [];
  if (field === undefined) throw badRequest(`Filter expression not valid: ${JSON.stringify(filter)}`);
  const actual = view[field];
  if (op === 'in') return Array.isArray(value) && value.includes(actual);
  const compare = COMPARE[op];
  if (!compare) throw badRequest(`Filter expression not valid: ${op} is not a valid operator`);
  return compare(actual, value);
}

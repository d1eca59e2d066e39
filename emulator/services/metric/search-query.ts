// Gnocchi's JSON resource query language (the subset the guides use): comparisons
// {"=": {"attr": value}} (also eq, ==, !=, ne, <, lt, <=, le, >, gt, >=, ge, like, ilike, in)
// combined with {"and": [...]}, {"or": [...]} and {"not": {...}}.

import { ApiError } from '../../http/api-error';

export type SearchQuery = Record<string, unknown>;
export type ResourceAttributes = Record<string, unknown>;

const COMPARISONS: Record<string, (a: unknown, b: unknown) => boolean> = {
  '=': (a, b) => equal(a, b),
  '==': (a, b) => equal(a, b),
  eq: (a, b) => equal(a, b),
  '!=': (a, b) => !equal(a, b),
  ne: (a, b) => !equal(a, b),
  '<': (a, b) => compare(a, b) < 0,
  lt: (a, b) => compare(a, b) < 0,
  '<=': (a, b) => compare(a, b) <= 0,
  le: (a, b) => compare(a, b) <= 0,
  '>': (a, b) => compare(a, b) > 0,
  gt: (a, b) => compare(a, b) > 0,
  '>=': (a, b) => compare(a, b) >= 0,
  ge: (a, b) => compare(a, b) >= 0,
  like: (a, b) => like(a, b, false),
  ilike: (a, b) => like(a, b, true),
  in: (a, b) => Array.isArray(b) && b.some((item) => equal(a, item)),
};

function equal(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b === null;
  return String(a) === String(b);
}

function compare(a: unknown, b: unknown): number {
  if (a === null || a === undefined || b === null) return Number.NaN;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

function like(a: unknown, pattern: unknown, insensitive: boolean): boolean {
  if (a === null || a === undefined || typeof pattern !== 'string') return false;
  const source = pattern
    .split('')
    .map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, insensitive ? 'is' : 's').test(String(a));
}

function invalid(detail: string): ApiError {
  return new ApiError(400, `Invalid input: ${detail}`);
}

/** Throws Gnocchi's 400 for a query this matcher cannot read; returns the query otherwise. */
export function checkQuery(query: unknown): SearchQuery {
  if (query === null || typeof query !== 'object' || Array.isArray(query)) throw invalid('the query must be an object');
  const entries = Object.entries(query);
  if (entries.length !== 1) throw invalid('a query has exactly one operator');
  const [operator, operand] = entries[0] as [string, unknown];
  const op = operator.toLowerCase();
  if (op === 'and' || op === 'or' || op === '∧' || op === '∨') {
    if (!Array.isArray(operand) || operand.length === 0) throw invalid(`${operator} takes a non-empty list`);
    operand.forEach(checkQuery);
  } else if (op === 'not') {
    checkQuery(operand);
  } else if (op in COMPARISONS) {
    if (operand === null || typeof operand !== 'object' || Array.isArray(operand) || Object.keys(operand).length !== 1) {
      throw invalid(`${operator} takes one {"attribute": value}`);
    }
  } else {
    throw invalid(`unknown operator ${operator}`);
  }
  return query as SearchQuery;
}

/** Whether a resource (its Gnocchi JSON attributes) matches a checked query. */
export function matchesQuery(resource: ResourceAttributes, query: SearchQuery): boolean {
  const [operator, operand] = Object.entries(query)[0] as [string, unknown];
  const op = operator.toLowerCase();
  if (op === 'and' || op === '∧') return (operand as SearchQuery[]).every((q) => matchesQuery(resource, q));
  if (op === 'or' || op === '∨') return (operand as SearchQuery[]).some((q) => matchesQuery(resource, q));
  if (op === 'not') return !matchesQuery(resource, operand as SearchQuery);
  const [attribute, value] = Object.entries(operand as Record<string, unknown>)[0] as [string, unknown];
  const compareFn = COMPARISONS[op] as (a: unknown, b: unknown) => boolean;
  return compareFn(resource[attribute], value);
}

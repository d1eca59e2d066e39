import { createHash } from 'node:crypto';
import { HotError } from './hot-error';
import type { HotVersion } from './hot-versions';
import { findFile } from './template-files';
import { isMap } from './yaml-load';

/** Every function name any HOT version has; used to recognise `{fn: args}` maps. */
export const ALL_FUNCTIONS: ReadonlySet<string> = new Set([
  'get_param', 'get_resource', 'get_attr', 'get_file', 'str_replace', 'list_join', 'repeat', 'digest',
  'str_split', 'map_merge', 'if', 'equals', 'not', 'and', 'or', 'map_replace', 'str_replace_strict',
  'list_concat', 'list_concat_unique', 'contains',
]);

/** What resolution needs; resource lookups are called only when a value actually needs them. */
export interface ResolveContext {
  version: HotVersion;
  params: Record<string, unknown>;
  files: Record<string, string>;
  /** A condition's value by name (evaluated on demand). */
  condition(name: string): boolean;
  /** get_resource: the resource's reference id (usually its physical id). */
  refId(resource: string): unknown;
  /** get_attr: the attribute's current value. */
  attribute(resource: string, attribute: string): unknown;
  /** The attribute names of a resource, for get_attr without an attribute (all of them, 2015-10-15 on). */
  attributeNames?(resource: string): readonly string[];
}

/** Returns [name, args] when `v` is a function call valid for this version. */
export function asFunction(v: unknown, version: HotVersion): [string, unknown] | undefined {
  if (!isMap(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  const name = keys[0]!;
  if (!ALL_FUNCTIONS.has(name)) return undefined;
  if (!version.functions.has(name)) {
    throw new HotError('InvalidFunction', `The function "${name}" is not supported in HOT version ${version.date}.`);
  }
  return [name, v[name]];
}

function bad(fn: string, why: string): HotError {
  return new HotError('InvalidFunction', `Arguments to "${fn}" must be ${why}`);
}

function list(fn: string, v: unknown, min = 0): unknown[] {
  if (!Array.isArray(v) || v.length < min) throw bad(fn, `a list of at least ${min} item(s)`);
  return v;
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Follows a get_param / get_attr path (map keys or list indexes). */
export function walkPath(value: unknown, path: unknown[], fn: string): unknown {
  let cur = value;
  for (const step of path) {
    if (Array.isArray(cur)) {
      const i = Number(step);
      if (!Number.isInteger(i) || i < 0 || i >= cur.length) throw bad(fn, `a path that exists (no item ${String(step)})`);
      cur = cur[i];
    } else if (isMap(cur)) {
      if (!Object.hasOwn(cur, String(step))) return null;
      cur = cur[String(step)];
    } else {
      return null;
    }
  }
  return cur;
}

function replaceAll(fn: string, args: unknown, strict: boolean, ctx: ResolveContext): string {
  if (!isMap(args) || !('template' in args) || !isMap(args.params)) {
    throw bad(fn, 'a map with "template" and "params"');
  }
  const template = text(resolveValue(args.template, ctx));
  const params = resolveValue(args.params, ctx) as Record<string, unknown>;
  const keys = Object.keys(params).sort((a, b) => b.length - a.length);
  if (strict) {
    const missing = keys.filter((k) => !template.includes(k));
    if (missing.length) throw new HotError('InvalidFunction', `The following params were not found in the template: ${missing.join(',')}`);
  }
  if (keys.length === 0) return template;
  const re = new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return template.replace(re, (k) => text(params[k]));
}

function substitute(v: unknown, name: string, value: unknown): unknown {
  if (typeof v === 'string') return v === name ? value : v.split(name).join(text(value));
  if (Array.isArray(v)) return v.map((x) => substitute(x, name, value));
  if (isMap(v)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.split(name).join(text(value)), substitute(x, name, value)]));
  }
  return v;
}

function repeat(args: unknown, ctx: ResolveContext): unknown[] {
  if (!isMap(args) || !isMap(args.for_each) || !('template' in args)) throw bad('repeat', 'a map with "for_each" and "template"');
  let results: unknown[] = [args.template];
  for (const [name, rawValues] of Object.entries(args.for_each)) {
    const values = resolveValue(rawValues, ctx);
    if (!Array.isArray(values)) throw bad('repeat', `lists in "for_each" (${name} is not a list)`);
    results = results.flatMap((tpl) => values.map((val) => substitute(tpl, name, val)));
  }
  return results.map((r) => resolveValue(r, ctx));
}

/** Evaluates a condition expression: a boolean, a condition name, or equals/not/and/or/contains. */
export function evaluateCondition(expr: unknown, ctx: ResolveContext): boolean {
  if (typeof expr === 'boolean') return expr;
  if (typeof expr === 'string') {
    if (expr === 'true' || expr === 'false') return expr === 'true';
    return ctx.condition(expr);
  }
  const v = resolveValue(expr, ctx);
  if (typeof v !== 'boolean') throw new HotError('InvalidFunction', `Invalid condition: ${JSON.stringify(expr)}`);
  return v;
}

const DIGESTS = new Set(['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']);

function call(fn: string, args: unknown, ctx: ResolveContext): unknown {
  const r = (v: unknown) => resolveValue(v, ctx);
  switch (fn) {
    case 'get_param': {
      const [name, ...path] = (Array.isArray(args) ? args : [args]).map(r);
      if (typeof name !== 'string') throw bad(fn, 'a parameter name, optionally followed by a path');
      if (!Object.hasOwn(ctx.params, name)) throw new HotError('UserParameterMissing', `The Parameter (${name}) was not provided.`);
      return walkPath(ctx.params[name], path, fn);
    }
    case 'get_resource':
      return ctx.refId(text(r(args)));
    case 'get_attr': {
      if (Array.isArray(args) && args.length === 1 && ctx.version.date >= '2015-10-15') {
        const res = text(r(args[0]));
        const names = ctx.attributeNames?.(res) ?? [];
        return Object.fromEntries(names.map((a) => [a, ctx.attribute(res, a)]));
      }
      const [res, attr, ...path] = list(fn, args, 2).map(r);
      return walkPath(ctx.attribute(text(res), text(attr)), path, fn);
    }
    case 'get_file': {
      const path = text(r(args));
      const content = findFile(ctx.files, path);
      if (content === undefined) throw new HotError('MissingFile', `No content found in the "files" section for get_file path: ${path}`);
      return content;
    }
    case 'str_replace':
    case 'str_replace_strict':
      return replaceAll(fn, args, fn === 'str_replace_strict', ctx);
    case 'list_join': {
      const [delim, ...lists] = list(fn, args, 2).map(r);
      const items = lists.flatMap((l) => {
        if (!Array.isArray(l)) throw bad(fn, 'a delimiter and one or more lists');
        return l;
      });
      return items.map(text).join(text(delim));
    }
    case 'repeat':
      return repeat(args, ctx);
    case 'digest': {
      const [alg, value] = list(fn, args, 2).map(r);
      if (!DIGESTS.has(text(alg))) throw bad(fn, `an algorithm among ${[...DIGESTS].join(', ')}`);
      return createHash(text(alg)).update(text(value)).digest('hex');
    }
    case 'str_split': {
      const [delim, str, index] = list(fn, args, 2).map(r);
      const parts = text(str).split(text(delim));
      if (index === undefined) return parts;
      const i = Number(index);
      if (!Number.isInteger(i) || i < 0 || i >= parts.length) throw bad(fn, `an index within the split list (got ${String(index)})`);
      return parts[i];
    }
    case 'map_merge':
      return Object.assign({}, ...list(fn, args, 1).map((m) => {
        const v = r(m);
        if (!isMap(v)) throw bad(fn, 'a list of maps');
        return v;
      }));
    case 'map_replace': {
      if (!isMap(args)) throw bad(fn, 'a map with "map" and "values"');
      const map = r(args.map);
      const spec = (r(args.values) ?? {}) as { keys?: Record<string, string>; values?: Record<string, unknown> };
      if (!isMap(map)) throw bad(fn, 'a map with "map" and "values"');
      return Object.fromEntries(Object.entries(map).map(([k, v]) => [
        spec.keys?.[k] ?? k,
        typeof v === 'string' && spec.values && Object.hasOwn(spec.values, v) ? spec.values[v] : v,
      ]));
    }
    case 'if': {
      const [cond, a, b] = list(fn, args, 2);
      return evaluateCondition(cond, ctx) ? r(a) : r(b ?? null);
    }
    case 'equals': {
      const [a, b] = list(fn, args, 2).map(r);
      return JSON.stringify(a) === JSON.stringify(b);
    }
    case 'not':
      return !evaluateCondition(args, ctx);
    case 'and':
      return list(fn, args, 2).every((c) => evaluateCondition(c, ctx));
    case 'or':
      return list(fn, args, 2).some((c) => evaluateCondition(c, ctx));
    case 'contains': {
      const [item, seq] = list(fn, args, 2).map(r);
      if (!Array.isArray(seq)) throw bad(fn, 'a value and a list');
      return seq.some((x) => JSON.stringify(x) === JSON.stringify(item));
    }
    case 'list_concat':
    case 'list_concat_unique': {
      const all = list(fn, args, 1).flatMap((l) => {
        const v = r(l);
        if (!Array.isArray(v)) throw bad(fn, 'a list of lists');
        return v;
      });
      if (fn === 'list_concat') return all;
      const seen = new Set<string>();
      return all.filter((x) => !seen.has(JSON.stringify(x)) && (seen.add(JSON.stringify(x)), true));
    }
  }
  throw new HotError('InvalidFunction', `Unknown function "${fn}"`);
}

/** Resolves every intrinsic function inside `value`. */
export function resolveValue(value: unknown, ctx: ResolveContext): unknown {
  const f = asFunction(value, ctx.version);
  if (f) return call(f[0], f[1], ctx);
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, ctx));
  if (isMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveValue(v, ctx)]));
  return value;
}

// Gnocchi's aggregates operations, the subset this emulator evaluates:
// (metric <name-or-id> <method>), (metric (<name> <method>) (<name> <method>) ...) and
// (aggregate <method> <metric operation>), as a string or as the equivalent JSON list.

import { ApiError } from '../../http/api-error';
import { isAggregationMethod } from './aggregation';

export interface MetricRef {
  /** A metric name (with a search) or a metric id. */
  ref: string;
  method: string;
}

export interface Operation {
  /** Method across the series, for (aggregate ...). */
  aggregate?: string;
  metrics: MetricRef[];
}

type Node = string | Node[];

function invalid(detail: string): ApiError {
  return new ApiError(400, `Invalid operations: ${detail}`);
}

export function parseSexp(text: string): Node {
  const tokens = text.match(/\(|\)|"[^"]*"|[^\s()]+/g) ?? [];
  let pos = 0;
  const read = (): Node => {
    const token = tokens[pos++];
    if (token === undefined) throw invalid('unexpected end');
    if (token === ')') throw invalid('unexpected )');
    if (token !== '(') return token.replace(/^"(.*)"$/, '$1');
    const list: Node[] = [];
    while (tokens[pos] !== ')') {
      if (pos >= tokens.length) throw invalid('missing )');
      list.push(read());
    }
    pos++;
    return list;
  };
  const node = read();
  if (pos !== tokens.length) throw invalid('text after the operation');
  return node;
}

function method(value: Node | undefined): string {
  if (typeof value !== 'string' || !isAggregationMethod(value)) throw invalid(`unsupported aggregation method ${String(value)}`);
  return value;
}

function metricOperation(node: Node[]): MetricRef[] {
  const args = node.slice(1);
  if (args.length === 0) throw invalid('metric takes a metric and a method');
  if (typeof args[0] === 'string') {
    if (args.length !== 2) throw invalid('metric takes a metric and a method');
    return [{ ref: args[0], method: method(args[1]) }];
  }
  return args.map((pair) => {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') throw invalid('expected (metric method) pairs');
    return { ref: pair[0], method: method(pair[1]) };
  });
}

export function parseOperations(input: unknown): Operation {
  const node: Node = typeof input === 'string' ? parseSexp(input) : (input as Node);
  if (!Array.isArray(node) || typeof node[0] !== 'string') throw invalid('expected an operation list');
  if (node[0] === 'metric') return { metrics: metricOperation(node) };
  if (node[0] === 'aggregate') {
    const inner = node[2];
    if (node.length !== 3 || !Array.isArray(inner) || inner[0] !== 'metric') {
      throw invalid('aggregate takes a method and a metric operation');
    }
    return { aggregate: method(node[1]), metrics: metricOperation(inner) };
  }
  throw invalid(`operation ${node[0]} is not supported by this cloud (metric and aggregate are)`);
}

// Gnocchi's string query language, as the CLI sends it ("server_group=abc and vcpus>=2"),
// turned into the JSON form search-query.ts evaluates.

import { ApiError } from '../../http/api-error';
import type { SearchQuery } from './search-query';

const OPERATORS: Record<string, string> = {
  '=': '=', '==': '==', eq: 'eq', '!=': '!=', '≠': '!=', ne: 'ne', '<': '<', lt: 'lt', '<=': '<=', '≤': '<=', le: 'le',
  '>': '>', gt: 'gt', '>=': '>=', '≥': '>=', ge: 'ge', like: 'like', ilike: 'ilike', in: 'in',
};

type Token = { kind: 'word' | 'string' | 'op' | 'paren'; text: string };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\()|(\))|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(>=|<=|!=|==|[=<>≠≤≥∧∨])|([^\s()"'=<>!≠≤≥∧∨]+))/y;
  let index = 0;
  while (index < input.length) {
    if (/^\s*$/.test(input.slice(index))) break;
    pattern.lastIndex = index;
    const m = pattern.exec(input);
    if (!m) throw new ApiError(400, `Invalid filter: cannot read "${input.slice(index)}"`);
    index = pattern.lastIndex;
    if (m[1] || m[2]) tokens.push({ kind: 'paren', text: (m[1] ?? m[2]) as string });
    else if (m[3] !== undefined || m[4] !== undefined) tokens.push({ kind: 'string', text: (m[3] ?? m[4]) as string });
    else if (m[5]) tokens.push({ kind: 'op', text: m[5] });
    else tokens.push({ kind: 'word', text: m[6] as string });
  }
  return tokens;
}

function literal(token: Token): unknown {
  if (token.kind === 'string') return token.text;
  if (token.text === 'null') return null;
  if (token.text === 'true') return true;
  if (token.text === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(token.text)) return Number(token.text);
  return token.text;
}

export function parseStringQuery(input: string): SearchQuery {
  const tokens = tokenize(input);
  let pos = 0;
  const fail = (): never => {
    throw new ApiError(400, `Invalid filter: ${input}`);
  };
  const peek = () => tokens[pos];
  const isWord = (t: Token | undefined, ...words: string[]) =>
    t !== undefined && (t.kind === 'word' || t.kind === 'op') && words.includes(t.text.toLowerCase());

  const expr = (): SearchQuery => {
    const parts = [term()];
    while (isWord(peek(), 'or', '∨')) {
      pos++;
      parts.push(term());
    }
    return parts.length === 1 ? (parts[0] as SearchQuery) : { or: parts };
  };
  const term = (): SearchQuery => {
    const parts = [factor()];
    while (isWord(peek(), 'and', '∧')) {
      pos++;
      parts.push(factor());
    }
    return parts.length === 1 ? (parts[0] as SearchQuery) : { and: parts };
  };
  const factor = (): SearchQuery => {
    const token = peek() ?? fail();
    if (isWord(token, 'not')) {
      pos++;
      return { not: factor() };
    }
    if (token.kind === 'paren' && token.text === '(') {
      pos++;
      const inner = expr();
      if (peek()?.text !== ')') fail();
      pos++;
      return inner;
    }
    if (token.kind !== 'word') fail();
    pos++;
    const opToken = peek() ?? fail();
    const op = OPERATORS[opToken.text.toLowerCase()] ?? fail();
    pos++;
    if (op === 'in') {
      if (peek()?.text !== '(') fail();
      pos++;
      const values: unknown[] = [];
      while (peek() && peek()?.text !== ')') values.push(literal(tokens[pos++] as Token));
      if (peek()?.text !== ')') fail();
      pos++;
      return { in: { [token.text]: values } };
    }
    const value = tokens[pos++] ?? fail();
    return { [op]: { [token.text]: literal(value) } };
  };

  const query = expr();
  if (pos !== tokens.length) fail();
  return query;
}

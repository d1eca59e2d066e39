import { parseDocument, type YAMLError } from 'yaml';
import { HotError } from './hot-error';

function position(err: YAMLError): { line: number; column: number } {
  const p = err.linePos?.[0];
  return { line: p?.line ?? 1, column: p?.col ?? 1 };
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * When a key line is followed by a line that is indented further although the key already has a plain
 * value ("a: 1\n  b: 2"), point at the indented line: that is where the author went wrong.
 */
function findOverIndentedLine(lines: string[], fromLine: number): { line: number; column: number } | undefined {
  const keyLine = lines[fromLine - 1];
  if (keyLine === undefined || !/^\s*[^#\s][^:]*:\s+\S/.test(keyLine)) return undefined;
  for (let i = fromLine; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '' || l.trim().startsWith('#')) continue;
    return indentOf(l) > indentOf(keyLine) && /^\s*[^#\s][^:]*:(\s|$)/.test(l)
      ? { line: i + 1, column: indentOf(l) + 1 }
      : undefined;
  }
  return undefined;
}

/** Parses YAML (or JSON) text; a syntax error becomes a HotError with the line and column (1-based). */
export function loadYaml(text: string, what: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const first = doc.errors[0];
  if (first) {
    const at = position(first);
    const indented =
      first.code === 'BLOCK_AS_IMPLICIT_KEY' || first.code === 'MULTILINE_IMPLICIT_KEY'
        ? findOverIndentedLine(text.split(/\r?\n/), at.line)
        : undefined;
    if (indented) {
      return fail(
        `Error parsing ${what}: bad indentation at line ${indented.line}, column ${indented.column}: ` +
          `this line is indented more than the line before it, which already has a value`,
        indented,
      );
    }
    const reason = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return fail(`Error parsing ${what}: ${reason} at line ${at.line}, column ${at.column}`, at);
  }
  return doc.toJS({ maxAliasCount: 100 });
}

function fail(message: string, at: { line: number; column: number }): never {
  throw new HotError('TemplateParseError', message, at);
}

export function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

import { isMap as isYamlMap, isSeq, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { HotError } from './hot-error';

/**
 * The line and column (1-based) of a document path in YAML text: the key of the last map entry
 * found, or the list item. Stops at the deepest part of the path that exists.
 */
export function locatePath(text: string, path: readonly (string | number)[]): { line: number; column: number } | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) return undefined;
  let node: unknown = doc.contents;
  let at: number | undefined = (doc.contents as Node | null)?.range?.[0];
  for (const seg of path) {
    if (isYamlMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      at = (pair.key as Node).range?.[0] ?? at;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg];
      at = (node as Node).range?.[0] ?? at;
    } else {
      break;
    }
  }
  if (at === undefined) return undefined;
  const pos = lines.linePos(at);
  return { line: pos.line, column: pos.col };
}

/** Fills in the error's line and column from its path, in the template text it belongs to. */
export function positionError(err: HotError, source: string | undefined, file?: string): HotError {
  if (err.line !== undefined || err.file !== undefined) return err;
  if (file !== undefined) err.file = file;
  if (!err.path || source === undefined) return err;
  const pos = locatePath(source, err.path);
  if (pos) {
    err.line = pos.line;
    err.column = pos.column;
  }
  return err;
}

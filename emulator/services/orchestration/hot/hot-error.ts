/** An error found in a template, an environment or the values given for it (Heat's StackValidationFailed family). */
export type HotErrorType =
  | 'InvalidTemplateVersion'
  | 'InvalidTemplateSection'
  | 'TemplateParseError'
  | 'UserParameterMissing'
  | 'StackValidationFailed'
  | 'InvalidTemplateReference'
  | 'InvalidTemplateAttribute'
  | 'ResourceTypeNotFound'
  | 'CircularDependencyException'
  | 'MissingFile'
  | 'InvalidFunction';

export class HotError extends Error {
  readonly type: HotErrorType;
  line?: number;
  column?: number;
  /** Where in the template document the error is (keys and list indexes), when known. */
  path?: (string | number)[];
  /** The nested template file the error is in; undefined for the stack's own template. */
  file?: string;

  constructor(type: HotErrorType, message: string, where?: { line: number; column: number }) {
    super(message);
    this.name = 'HotError';
    this.type = type;
    if (where) {
      this.line = where.line;
      this.column = where.column;
    }
  }
}

/** Throws a HotError located at a document path. */
export function failAt(path: (string | number)[], type: HotErrorType, message: string): never {
  const e = new HotError(type, message);
  e.path = path;
  throw e;
}

/** Runs `fn`; a HotError it throws without a path gets `path` (the innermost caller sets it first). */
export function atPath<T>(path: (string | number)[], fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof HotError && e.path === undefined && e.line === undefined) e.path = path;
    throw e;
  }
}

/** Runs `fn` and turns a thrown HotError into a value; other errors propagate. */
export function catchHot<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: HotError } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof HotError) return { ok: false, error: e };
    throw e;
  }
}

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
  readonly line?: number;
  readonly column?: number;

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

/** Runs `fn` and turns a thrown HotError into a value; other errors propagate. */
export function catchHot<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: HotError } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof HotError) return { ok: false, error: e };
    throw e;
  }
}

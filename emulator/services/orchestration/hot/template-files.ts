import { HotError } from './hot-error';

/** The last path segment of a URL or path: file:///etc/heat/templates/cirros.yaml → cirros.yaml. */
export function baseName(ref: string): string {
  const noQuery = ref.split(/[?#]/)[0] ?? ref;
  const parts = noQuery.split(/[\\/]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? ref;
}

/** Whether a resource type names a template file rather than a plugin type. */
export function isTemplateRef(type: string): boolean {
  return /^(file|https?):\/\//.test(type) || type.startsWith('~') || /\.(ya?ml|template|json)$/i.test(type);
}

/**
 * Finds the content of a referenced file among the files the user gave: the exact name first, then by
 * base name (the user uploads cirros.yaml; the template says file:///etc/heat/templates/cirros.yaml).
 */
export function findFile(files: Record<string, string>, ref: string): string | undefined {
  if (Object.hasOwn(files, ref)) return files[ref];
  const want = baseName(ref);
  const key = Object.keys(files).find((k) => baseName(k) === want);
  return key === undefined ? undefined : files[key];
}

export function requireTemplateFile(files: Record<string, string>, ref: string): string {
  const found = findFile(files, ref);
  if (found === undefined) {
    throw new HotError(
      'MissingFile',
      `Could not fetch remote template "${ref}": the file "${baseName(ref)}" was not provided. ` +
        `Add ${baseName(ref)} to the files of the stack.`,
    );
  }
  return found;
}

import { parse } from 'yaml';

/**
 * The files a template and its environment reference, as heatclient finds them: the environment's
 * resource_registry values that name template files, resource `type:` values that are file names or URLs,
 * and `get_file` arguments. A found template file is scanned in turn for its own references. Files are
 * keyed by the exact reference string (what Heat looks up), and matched to uploads by base name.
 * Runs in the browser (the launch form) and in the BFF (validate).
 */
export type ReferenceKind = 'resource_registry' | 'get_file' | 'type';

export interface TemplateReference {
  name: string;
  kind: ReferenceKind;
  found: boolean;
}

export interface ResolvedBundle {
  references: TemplateReference[];
  /** Reference string → content, for every reference that an upload matched. */
  files: Record<string, string>;
}

/** The last segment of a path or URL: file:///etc/heat/templates/cirros.yaml → cirros.yaml. */
export function baseName(ref: string): string {
  const parts = (ref.split(/[?#]/)[0] ?? ref).split(/[\\/]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? ref;
}

/** Whether a resource type (or registry target) names a template file rather than a plugin type. */
export function isTemplateFileRef(value: string): boolean {
  return /^(file|https?):\/\//.test(value) || value.startsWith('~') || /\.(ya?ml|template|json)$/i.test(value);
}

type Doc = Record<string, unknown>;
const isMap = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** YAML (or JSON) text as a document; text that does not parse has no references to offer. */
function load(text: string | null | undefined): unknown {
  if (!text || !text.trim()) return null;
  try {
    return parse(text);
  } catch {
    return null;
  }
}

function collectGetFile(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectGetFile(item, out);
  } else if (isMap(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'get_file' && typeof value === 'string') out.add(value);
      else collectGetFile(value, out);
    }
  }
}

/** Template-file types of a template's resources, including a group's member definition. */
function collectTypes(doc: Doc, out: Set<string>): void {
  const resources = isMap(doc.resources) ? doc.resources : isMap(doc.Resources) ? doc.Resources : {};
  for (const resource of Object.values(resources)) {
    if (!isMap(resource)) continue;
    const type = resource.type ?? resource.Type;
    if (typeof type === 'string' && isTemplateFileRef(type)) out.add(type);
    const props = resource.properties;
    if (isMap(props) && isMap(props.resource) && typeof props.resource.type === 'string' && isTemplateFileRef(props.resource.type)) {
      out.add(props.resource.type);
    }
  }
}

/** References of one template text, in the order they appear. */
export function templateReferences(text: string | null | undefined): { name: string; kind: ReferenceKind }[] {
  const doc = load(text);
  if (!isMap(doc)) return [];
  const types = new Set<string>();
  const getFiles = new Set<string>();
  collectTypes(doc, types);
  collectGetFile(doc.resources ?? doc.Resources, getFiles);
  collectGetFile(doc.outputs, getFiles);
  return [...[...types].map((name) => ({ name, kind: 'type' as const })), ...[...getFiles].map((name) => ({ name, kind: 'get_file' as const }))];
}

/** The environment's resource_registry entries that name template files (also per-resource overrides). */
export function environmentReferences(text: string | null | undefined): { name: string; kind: ReferenceKind }[] {
  const doc = load(text);
  if (!isMap(doc) || !isMap(doc.resource_registry)) return [];
  const out = new Set<string>();
  for (const [key, value] of Object.entries(doc.resource_registry)) {
    if (typeof value === 'string' && isTemplateFileRef(value)) out.add(value);
    if (key === 'resources' && isMap(value)) {
      for (const perResource of Object.values(value)) {
        if (!isMap(perResource)) continue;
        for (const v of Object.values(perResource)) if (typeof v === 'string' && isTemplateFileRef(v)) out.add(v);
      }
    }
  }
  return [...out].map((name) => ({ name, kind: 'resource_registry' as const }));
}

/** Content for a reference: the exact key first, then an entry with the same base name. */
export function findByReference(pool: Record<string, string>, ref: string): string | undefined {
  if (Object.hasOwn(pool, ref)) return pool[ref];
  const want = baseName(ref);
  const key = Object.keys(pool).find((k) => baseName(k) === want);
  return key === undefined ? undefined : pool[key];
}

/**
 * Every reference of a template and environment, recursively through the files found, with `files` keyed
 * by the exact reference string. `pool` holds what the user gave: uploads by file name, or files already
 * keyed by reference.
 */
export function resolveBundle(template: string, environment: string | null | undefined, pool: Record<string, string>): ResolvedBundle {
  const references: TemplateReference[] = [];
  const files: Record<string, string> = {};
  const seen = new Set<string>();
  const queue = [...environmentReferences(environment), ...templateReferences(template)];
  while (queue.length > 0) {
    const ref = queue.shift()!;
    if (seen.has(ref.name)) continue;
    seen.add(ref.name);
    const content = findByReference(pool, ref.name);
    references.push({ ...ref, found: content !== undefined });
    if (content === undefined) continue;
    files[ref.name] = content;
    // get_file content is data; only templates (registry targets and types) reference further files.
    if (ref.kind !== 'get_file') queue.push(...templateReferences(content));
  }
  return { references, files };
}

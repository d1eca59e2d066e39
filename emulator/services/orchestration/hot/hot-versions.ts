import { HotError } from './hot-error';

/** HOT versions Heat accepts, oldest first, with the release name that may stand for the date. */
const VERSIONS: ReadonlyArray<{ date: string; name?: string }> = [
  { date: '2013-05-23' },
  { date: '2014-10-16' },
  { date: '2015-04-30' },
  { date: '2015-10-15' },
  { date: '2016-04-08' },
  { date: '2016-10-14', name: 'newton' },
  { date: '2017-02-24', name: 'ocata' },
  { date: '2017-09-01', name: 'pike' },
  { date: '2018-03-02', name: 'queens' },
  { date: '2018-08-31', name: 'rocky' },
  { date: '2021-04-16', name: 'wallaby' },
];

/** Functions added by each version (each version also has everything older ones have). */
const ADDED: Record<string, string[]> = {
  '2013-05-23': ['get_param', 'get_resource', 'get_attr', 'get_file', 'str_replace'],
  '2014-10-16': ['list_join'],
  '2015-04-30': ['repeat', 'digest'],
  '2015-10-15': ['str_split'],
  '2016-04-08': ['map_merge'],
  '2016-10-14': ['if', 'equals', 'not', 'and', 'or', 'map_replace'],
  '2017-02-24': ['str_replace_strict'],
  '2017-09-01': ['list_concat', 'list_concat_unique', 'contains'],
  '2018-03-02': [],
  '2018-08-31': [],
  '2021-04-16': [],
};

export interface HotVersion {
  /** The canonical date form, e.g. 2016-10-14. */
  date: string;
  functions: ReadonlySet<string>;
  /** Whether the template may have a `conditions` section and resource/output `condition`s. */
  hasConditions: boolean;
}

export function listVersions(): string[] {
  return VERSIONS.flatMap((v) => (v.name ? [v.date, v.name] : [v.date]));
}

/** Resolves heat_template_version (a date or a release name); anything else is refused as Heat does. */
export function resolveVersion(raw: unknown): HotVersion {
  const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw ?? '');
  const idx = VERSIONS.findIndex((v) => v.date === text || v.name === text);
  if (idx < 0) {
    throw new HotError(
      'InvalidTemplateVersion',
      `The template version is invalid: "heat_template_version: ${text}". ` +
        `"heat_template_version" should be one of: ${listVersions().join(', ')}`,
    );
  }
  const functions = new Set<string>();
  for (const v of VERSIONS.slice(0, idx + 1)) for (const f of ADDED[v.date] ?? []) functions.add(f);
  const date = VERSIONS[idx]!.date;
  return { date, functions, hasConditions: date >= '2016-10-14' };
}

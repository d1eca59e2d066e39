import { z } from 'zod';

/** The admin flavor form and /api/flavors share these; messages are i18n keys under "flavors.errors". */
const count = (max: number) => z.coerce.number({ message: 'not_a_number' }).int('not_an_integer').max(max, 'too_large');

export const flavorSchema = z.object({
  name: z.string().trim().min(1, 'name_required').max(255, 'too_long'),
  vcpus: count(4096).min(1, 'at_least_one'),
  ramMb: count(16 * 1024 * 1024).min(1, 'at_least_one'),
  diskGb: count(1_000_000).min(0, 'not_negative'),
  ephemeralGb: count(1_000_000).min(0, 'not_negative'),
  swapMb: count(16 * 1024 * 1024).min(0, 'not_negative'),
  isPublic: z.boolean(),
  description: z.string().trim().max(65535, 'too_long').default(''),
  /** Project IDs a private flavor is shared with (os-flavor-access), separated by spaces, commas or lines. */
  projects: z
    .string()
    .max(8_192, 'too_long')
    .default('')
    .transform((text, ctx) => {
      const ids = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
      if (ids.some((id) => !/^[A-Za-z0-9_-]{1,64}$/.test(id))) {
        ctx.addIssue({ code: 'custom', message: 'project_format' });
        return z.NEVER;
      }
      return ids;
    }),
  /** One "key=value" per line, as an operator would write them. */
  extraSpecs: z
    .string()
    .max(16_384, 'too_long')
    .default('')
    .transform((text, ctx) => {
      const specs: Record<string, string> = {};
      for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (!line) continue;
        const at = line.indexOf('=');
        const key = at > 0 ? line.slice(0, at).trim() : '';
        if (!key || key.length > 255 || !/^[\w.:-]+$/.test(key)) {
          ctx.addIssue({ code: 'custom', message: 'spec_format' });
          return z.NEVER;
        }
        specs[key] = line.slice(at + 1).trim();
      }
      return specs;
    }),
});

export type FlavorRequest = z.input<typeof flavorSchema>;
export type FlavorValues = z.output<typeof flavorSchema>;

/** Text for the extra-specs field from a flavor's specs. */
export function specsToText(specs: Record<string, string>): string {
  return Object.entries(specs)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}

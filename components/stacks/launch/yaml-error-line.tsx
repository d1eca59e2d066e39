'use client';

import { useTranslations } from 'use-intl';

/** Where a YAML error is: "Line 2, column 3:" and the offending line of the text, with a caret under the column. */
export function YamlErrorLine({ text, message }: { text: string; message: string | null | undefined }) {
  const t = useTranslations('stacks');
  const at = message ? /line (\d+), column (\d+)/i.exec(message) : null;
  if (!at) return null;
  const line = Number(at[1]);
  const column = Number(at[2]);
  const source = text.split(/\r?\n/)[line - 1];
  if (source === undefined) return null;
  return (
    <figure className="rounded-md border border-red-200 bg-red-50 p-2 text-xs text-red-900" data-testid="yaml-error-line">
      <figcaption className="font-medium">{t('errorAt', { line, column })}</figcaption>
      <pre className="mt-1 overflow-x-auto font-mono">
        {source}
        {'\n'}
        {' '.repeat(Math.max(0, column - 1))}^
      </pre>
    </figure>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { Button } from '@/components/ui/button';
import { Panel } from '@/components/ui/panel';
import { QueryPanelBody } from '@/components/ui/query-panel-body';
import type { Scope } from '@/lib/query/queries';
import { stackTemplateQuery } from '@/lib/query/stack-queries';

/** The template, environment and files the stack was made from, as text with line numbers and a copy button. */
export function StackTemplate({ scope, stackId }: { scope: Scope; stackId: string }) {
  const t = useTranslations('stackDetail.template');
  const query = useQuery(stackTemplateQuery(scope, stackId));
  return (
    <QueryPanelBody query={query} skeletonRows={10}>
      {(bundle) => (
        <div className="space-y-4">
          <NumberedText title={t('template')} text={bundle.template} />
          {bundle.environment ? <NumberedText title={t('environment')} text={bundle.environment} /> : <p className="text-sm text-slate-600">{t('noEnvironment')}</p>}
          {Object.entries(bundle.files).map(([name, text]) => (
            <NumberedText key={name} title={`${t('files')}: ${name}`} text={text} />
          ))}
        </div>
      )}
    </QueryPanelBody>
  );
}

export function NumberedText({ title, text }: { title: string; text: string }) {
  const t = useTranslations('stackDetail.template');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const lines = text.replace(/\n$/, '').split('\n');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <Panel
      title={
        <>
          {title} <span className="font-normal text-slate-500">· {t('lines', { count: lines.length })}</span>
        </>
      }
      actions={
        <div className="flex items-center gap-2">
          <span role="status" className="text-xs text-slate-600">
            {copied === 'yes' ? t('copied') : copied === 'failed' ? t('copyFailed') : ''}
          </span>
          <Button variant="secondary" onClick={() => void copy()}>
            {t('copy')}
          </Button>
        </div>
      }
    >
      <pre className="max-h-[60vh] overflow-auto rounded bg-slate-900 p-3 text-xs leading-5 text-slate-100" tabIndex={0} aria-label={title}>
        <code>
          {lines.map((line, i) => (
            <span key={i} className="block">
              <span aria-hidden className="mr-4 inline-block w-8 select-none text-right text-slate-500">
                {i + 1}
              </span>
              {line}
            </span>
          ))}
        </code>
      </pre>
    </Panel>
  );
}

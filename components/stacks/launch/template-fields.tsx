'use client';

import { useMemo } from 'react';
import { useTranslations } from 'use-intl';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { TextareaField } from '@/components/ui/textarea-field';
import { baseName, resolveBundle } from '@/lib/orchestration/template-references';

import { useStackFeedback } from '../list/use-stack-feedback';
import { FileButton } from './file-button';
import { YamlErrorLine } from './yaml-error-line';

/** What the user has given so far: template and environment text, and uploaded files by file name. */
export interface BundleDraft {
  template: string;
  environment: string;
  uploads: Record<string, string>;
}

export const emptyDraft: BundleDraft = { template: '', environment: '', uploads: {} };

/** The bundle to send: files keyed by the exact reference string, found through the uploads' names. */
export function bundleOf(draft: BundleDraft) {
  const { files, references } = resolveBundle(draft.template, draft.environment, draft.uploads);
  return { bundle: { template: draft.template, environment: draft.environment.trim() ? draft.environment : null, files }, references };
}

/** Template and environment (pasted or uploaded) and the files they reference, each shown found or missing. */
export function TemplateFields({ draft, onChange, errors }: { draft: BundleDraft; onChange: (draft: BundleDraft) => void; errors: Record<string, string> }) {
  const t = useTranslations('stacks');
  const { messageText } = useStackFeedback();
  const { references } = useMemo(() => bundleOf(draft), [draft]);
  const referenced = new Set(references.map((r) => baseName(r.name)));
  const set = (patch: Partial<BundleDraft>) => onChange({ ...draft, ...patch });
  const firstOf = (files: Record<string, string>) => Object.values(files)[0];
  // A problem with one file comes as "files.<reference>"; it is shown with the files.
  const fileError = errors.files ?? Object.entries(errors).find(([k]) => k.startsWith('files.'))?.[1];

  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <TextareaField
          label={t('templateLabel')}
          hint={t('templateHint')}
          rows={14}
          spellCheck={false}
          value={draft.template}
          onChange={(event) => set({ template: event.target.value })}
          error={messageText(errors.template)}
        />
        <YamlErrorLine text={draft.template} message={errors.template} />
        <FileButton label={t('uploadTemplate')} onFiles={(files) => set({ template: firstOf(files) ?? draft.template })} />
      </div>
      <div className="space-y-2">
        <TextareaField
          label={t('environmentLabel')}
          hint={t('environmentHint')}
          rows={6}
          spellCheck={false}
          value={draft.environment}
          onChange={(event) => set({ environment: event.target.value })}
          error={messageText(errors.environment)}
        />
        <YamlErrorLine text={draft.environment} message={errors.environment} />
        <FileButton label={t('uploadEnvironment')} onFiles={(files) => set({ environment: firstOf(files) ?? draft.environment })} />
      </div>
      <section aria-labelledby="stack-files-title" className="space-y-3 rounded-md border border-slate-200 p-3">
        <h3 id="stack-files-title" className="text-sm font-semibold text-slate-900">
          {t('filesTitle')}
        </h3>
        <p className="text-xs text-slate-600">{t('filesHint')}</p>
        {references.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noReferences')}</p>
        ) : (
          <ul className="space-y-1" aria-label={t('filesTitle')}>
            {references.map((r) => (
              <li key={r.name} className="flex flex-wrap items-center gap-2 text-sm" data-testid="stack-reference">
                <Badge tone={r.found ? 'ok' : 'error'}>{r.found ? t('referenceFound') : t('referenceMissing')}</Badge>
                <code className="font-mono text-xs text-slate-900">{r.name}</code>
                <span className="text-xs text-slate-500">{t(`referenceKind.${r.kind}`)}</span>
              </li>
            ))}
          </ul>
        )}
        <FileButton label={t('uploadFiles')} multiple onFiles={(files) => set({ uploads: { ...draft.uploads, ...files } })} />
        {Object.keys(draft.uploads).length > 0 && (
          <div>
            <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t('uploadedTitle')}</h4>
            <ul className="mt-1 space-y-1">
              {Object.keys(draft.uploads).map((name) => (
                <li key={name} className="flex items-center gap-2 text-sm">
                  <code className="font-mono text-xs">{name}</code>
                  {!referenced.has(baseName(name)) && <span className="text-xs text-slate-500">({t('unused')})</span>}
                  <Button
                    variant="ghost"
                    className="px-2 py-0.5 text-xs"
                    aria-label={t('removeFile', { name })}
                    onClick={() => set({ uploads: Object.fromEntries(Object.entries(draft.uploads).filter(([k]) => k !== name)) })}
                  >
                    ✕
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {fileError && (
          <p role="alert" className="text-sm text-red-700">
            {messageText(fileError)}
          </p>
        )}
      </section>
    </div>
  );
}

'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Panel, PanelSkeleton } from '@/components/ui/panel';
import { zodFields } from '@/components/ui/use-api-feedback';
import { ApiErrorNotice } from '@/components/shell/api-error-notice';
import type { UpdatePreview } from '@/lib/openstack/heat/stacks';
import type { Stack, TemplateParameter } from '@/lib/openstack/heat/types';
import { initialValues, parameterValuesSchema } from '@/lib/orchestration/parameter-form';
import type { Scope } from '@/lib/query/queries';
import { STACKS_KEY, previewStackUpdate, stackTemplateQuery, updateStack, validateStack } from '@/lib/query/stack-queries';
import { type UpdateStackRequest, updateStackSchema } from '@/lib/validation/stacks';

import { ParameterFields } from '../launch/parameter-fields';
import { type StackSettings, StackSettingsFields, timeoutOf } from '../launch/stack-settings-fields';
import { type BundleDraft, TemplateFields, bundleOf, emptyDraft } from '../launch/template-fields';
import { useStackSubmit } from '../list/use-stack-submit';
import { UpdateChanges } from './update-changes';

type Mode = 'existing' | 'replace';
const HIDDEN = '******';

/** Update a stack: change the current template's parameters (PATCH) or give a new template (PUT); preview first. */
export function UpdateStackForm({ scope, stack }: { scope: Scope; stack: Stack }) {
  const t = useTranslations('stacks');
  const router = useRouter();
  const queryClient = useQueryClient();
  const current = Object.fromEntries(stack.parameters.filter((p) => !p.name.startsWith('OS::')).map((p) => [p.name, p.value]));
  const [mode, setMode] = useState<Mode>('existing');
  const [draft, setDraft] = useState<BundleDraft>(emptyDraft);
  const [newParams, setNewParams] = useState<TemplateParameter[] | null>(null);
  const [values, setValues] = useState<Record<string, string> | null>(null);
  const [settings, setSettings] = useState<StackSettings>({ name: stack.name, timeout: stack.timeoutMins ? String(stack.timeoutMins) : '', rollback: !stack.disableRollback });
  const [changes, setChanges] = useState<{ value: UpdatePreview | null } | null>(null);
  const { messageText, toastSuccess, errors, setErrors, busy, send } = useStackSubmit();

  // The current template's parameters come from Heat's validate of the stored template.
  const template = useQuery(stackTemplateQuery(scope, stack.id));
  const existingParams = useQuery({
    queryKey: ['stacks', 'template-parameters', scope.projectId, scope.region, stack.id],
    queryFn: () => validateStack(template.data!),
    enabled: mode === 'existing' && !!template.data,
    staleTime: 60_000,
  });
  const params = mode === 'existing' ? (existingParams.data?.parameters ?? null) : newParams;
  const shownCurrent = Object.fromEntries(Object.entries(current).filter(([, v]) => v !== HIDDEN));
  const formValues = values ?? (params ? initialValues(params, shownCurrent) : {});

  const switchMode = (next: Mode) => {
    setMode(next);
    setValues(null);
    setChanges(null);
    setErrors({});
  };

  const loadNewParameters = () =>
    send(async () => {
      const { bundle, references } = bundleOf(draft);
      const missing = references.filter((r) => !r.found).map((r) => r.name);
      if (missing.length > 0) return setErrors({ files: `files_missing|${missing.join(', ')}` });
      const validated = await validateStack(bundle);
      setNewParams(validated.parameters);
      setValues(initialValues(validated.parameters, shownCurrent));
      setErrors({});
    });

  const request = (): UpdateStackRequest | null => {
    if (!params) return null;
    const common = { timeoutMins: timeoutOf(settings.timeout), rollback: settings.rollback };
    // PATCH sends only what changed; the stack keeps the rest.
    const changed = Object.fromEntries(Object.entries(formValues).filter(([k, v]) => v !== '' && v !== current[k]));
    const input = mode === 'existing' ? { mode, parameters: changed, ...common } : { mode, ...bundleOf(draft).bundle, parameters: formValues, ...common };
    const checked = updateStackSchema.safeParse(input);
    const toCheck = mode === 'existing' ? params.filter((p) => !(p.hidden && !(p.name in changed))) : params;
    const paramCheck = parameterValuesSchema(toCheck).safeParse(mode === 'existing' ? { ...shownCurrent, ...changed } : formValues);
    setErrors({
      ...(checked.success ? {} : zodFields(checked.error.issues)),
      ...(paramCheck.success ? {} : zodFields(paramCheck.error.issues.map((i) => ({ ...i, path: ['parameters', ...i.path] })))),
    });
    return checked.success && paramCheck.success ? checked.data : null;
  };

  const previewChanges = () =>
    send(async () => {
      const input = request();
      if (input) setChanges({ value: (await previewStackUpdate(stack.id, input)).changes });
    });

  const submit = () =>
    send(async () => {
      const input = request();
      if (!input) return;
      await updateStack(stack.id, input);
      toastSuccess(t('updateStarted', { name: stack.name }));
      await queryClient.invalidateQueries({ queryKey: STACKS_KEY });
      router.push(`/project/orchestration/stacks/${encodeURIComponent(stack.id)}`);
    });

  return (
    <div className="space-y-4">
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 font-medium text-slate-800">{t('modeLabel')}</legend>
        {(['existing', 'replace'] as const).map((m) => (
          <label key={m} className="flex items-center gap-2">
            <input type="radio" name="update-mode" value={m} checked={mode === m} onChange={() => switchMode(m)} />
            {m === 'existing' ? t('modeExisting') : t('modeReplace')}
          </label>
        ))}
      </fieldset>
      {mode === 'replace' && (
        <Panel title={t('steps.template')}>
          <TemplateFields draft={draft} onChange={setDraft} errors={errors} />
          <div className="mt-4 flex justify-end">
            <Button variant="secondary" onClick={() => void loadNewParameters()} busy={busy}>
              {t('next')}
            </Button>
          </div>
        </Panel>
      )}
      {mode === 'existing' && (errors.template || errors.environment || errors.files) && (
        <Alert tone="error">{messageText(errors.template ?? errors.environment ?? errors.files)}</Alert>
      )}
      <Panel title={t('parametersTitle')}>
        {template.error || existingParams.error ? (
          <ApiErrorNotice error={(template.error ?? existingParams.error) as Error} />
        ) : !params ? (
          mode === 'existing' ? <PanelSkeleton rows={4} /> : null
        ) : (
          <div className="space-y-6">
            <StackSettingsFields settings={settings} errors={errors} withName={false} onChange={setSettings} />
            <ParameterFields scope={scope} params={params} values={formValues} errors={errors} current={current} onChange={setValues} />
          </div>
        )}
      </Panel>
      {changes && (
        <Panel title={t('changesTitle')}>
          <UpdateChanges changes={changes.value} />
        </Panel>
      )}
      <div className="flex flex-wrap justify-between gap-2">
        <Link href={`/project/orchestration/stacks/${encodeURIComponent(stack.id)}`} className="rounded-md px-3 py-2 text-sm text-sky-800 hover:underline">
          {t('backToStack')}
        </Link>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={() => void previewChanges()} disabled={!params} busy={busy}>
            {t('previewChanges')}
          </Button>
          <Button onClick={() => void submit()} disabled={!params} busy={busy}>
            {t('submitUpdate')}
          </Button>
        </div>
      </div>
    </div>
  );
}

'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { parse } from 'yaml';

import { Button } from '@/components/ui/button';
import { Panel } from '@/components/ui/panel';
import { zodFields } from '@/components/ui/use-api-feedback';
import type { PreviewResource } from '@/lib/openstack/heat/stacks';
import type { TemplateParameter } from '@/lib/openstack/heat/types';
import { environmentValues, initialValues, parameterValuesSchema } from '@/lib/orchestration/parameter-form';
import type { Scope } from '@/lib/query/queries';
import { STACKS_KEY, createStack, previewStack, validateStack } from '@/lib/query/stack-queries';
import { type LaunchStackRequest, launchStackSchema, templateBundleSchema } from '@/lib/validation/stacks';

import { useStackSubmit } from '../list/use-stack-submit';
import { LaunchSteps } from './launch-steps';
import { ParameterFields } from './parameter-fields';
import { PreviewResources } from './preview-resources';
import { type StackSettings, StackSettingsFields, timeoutOf } from './stack-settings-fields';
import { type BundleDraft, TemplateFields, bundleOf, emptyDraft } from './template-fields';

const BUNDLE_FIELDS = ['template', 'environment', 'files'];

function safeYaml(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return null;
  }
}

/** Launch in three steps: template + environment + files (validated by Heat), parameters, preview → create. */
export function LaunchWizard({ scope }: { scope: Scope }) {
  const t = useTranslations('stacks');
  const router = useRouter();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<BundleDraft>(emptyDraft);
  const [params, setParams] = useState<TemplateParameter[]>([]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [settings, setSettings] = useState<StackSettings>({ name: '', timeout: '', rollback: false });
  const [preview, setPreview] = useState<PreviewResource[]>([]);
  const stepTop = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);
  const { errors, setErrors, busy, send, toastSuccess } = useStackSubmit((fields) => {
    if (Object.keys(fields).some((f) => BUNDLE_FIELDS.includes(f))) setStep(0);
    else if (step === 2) setStep(1);
  });

  // A new step takes the keyboard focus, so the next Tab is inside it (not on the button that went away).
  useEffect(() => {
    if (firstRender.current) firstRender.current = false;
    else stepTop.current?.focus();
  }, [step]);

  const toParameters = () =>
    send(async () => {
      const { bundle, references } = bundleOf(draft);
      const checked = templateBundleSchema.safeParse(bundle);
      if (!checked.success) return setErrors(zodFields(checked.error.issues));
      const missing = references.filter((r) => !r.found).map((r) => r.name);
      if (missing.length > 0) return setErrors({ files: `files_missing|${missing.join(', ')}` });
      const validated = await validateStack(bundle);
      setParams(validated.parameters);
      setValues(initialValues(validated.parameters, { ...environmentValues(safeYaml(draft.environment)), ...values }));
      setErrors({});
      setStep(1);
    });

  const request = (): LaunchStackRequest | null => {
    const { bundle } = bundleOf(draft);
    const input = { ...bundle, name: settings.name, parameters: values, timeoutMins: timeoutOf(settings.timeout), rollback: settings.rollback };
    const checked = launchStackSchema.safeParse(input);
    const paramCheck = parameterValuesSchema(params).safeParse(values);
    const found = {
      ...(checked.success ? {} : zodFields(checked.error.issues)),
      ...(paramCheck.success ? {} : zodFields(paramCheck.error.issues.map((i) => ({ ...i, path: ['parameters', ...i.path] })))),
    };
    setErrors(found);
    return checked.success && paramCheck.success ? checked.data : null;
  };

  const toPreview = () =>
    send(async () => {
      const input = request();
      if (!input) return;
      setPreview((await previewStack(input)).resources);
      setStep(2);
    });

  const create = () =>
    send(async () => {
      const input = request();
      if (!input) return;
      const { stack } = await createStack(input);
      toastSuccess(t('created', { name: stack.name }));
      await queryClient.invalidateQueries({ queryKey: STACKS_KEY });
      router.push(`/project/orchestration/stacks/${encodeURIComponent(stack.id)}`);
    });

  return (
    <div className="space-y-4 focus:outline-none" ref={stepTop} tabIndex={-1}>
      <LaunchSteps step={step} />
      {step === 0 && (
        <Panel title={t('steps.template')}>
          <TemplateFields draft={draft} onChange={setDraft} errors={errors} />
          <div className="mt-4 flex justify-end">
            <Button onClick={() => void toParameters()} busy={busy}>
              {t('next')}
            </Button>
          </div>
        </Panel>
      )}
      {step === 1 && (
        <Panel title={t('steps.parameters')}>
          <div className="space-y-6">
            <section aria-label={t('stackSettings')}>
              <StackSettingsFields settings={settings} errors={errors} withName onChange={setSettings} />
            </section>
            <section aria-label={t('parametersTitle')} className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-900">{t('parametersTitle')}</h3>
              <ParameterFields scope={scope} params={params} values={values} errors={errors} onChange={setValues} />
            </section>
            <div className="flex justify-between">
              <Button variant="secondary" onClick={() => setStep(0)} disabled={busy}>
                {t('back')}
              </Button>
              <Button onClick={() => void toPreview()} busy={busy}>
                {t('previewAction')}
              </Button>
            </div>
          </div>
        </Panel>
      )}
      {step === 2 && (
        <Panel title={t('previewTitle')}>
          <PreviewResources resources={preview} />
          <div className="mt-4 flex justify-between">
            <Button variant="secondary" onClick={() => setStep(1)} disabled={busy}>
              {t('back')}
            </Button>
            <Button onClick={() => void create()} busy={busy}>
              {t('create')}
            </Button>
          </div>
        </Panel>
      )}
    </div>
  );
}

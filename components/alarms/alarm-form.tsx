'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Panel } from '@/components/ui/panel';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { fieldsOf, zodFields } from '@/components/ui/use-api-feedback';
import { useToast } from '@/components/ui/toast';
import type { Alarm } from '@/lib/openstack/aodh/types';
import { apiFetch } from '@/lib/query/api';
import { alarmFormOptionsQuery, alarmStackChoicesQuery } from '@/lib/query/alarm-queries';
import type { Scope } from '@/lib/query/queries';
import { AGGREGATIONS, COMPARISONS, SEVERITY_LEVELS, alarmFormSchema } from '@/lib/validation/alarms';

import { AlarmActionEditor } from './alarm-action-editor';
import { type ActionListKey, type AlarmFormState, formInput, groupOfQuery, serverGroupQuery } from './alarm-form-model';
import { alarmHref } from './alarm-links';
import { type ShownError, useAlarmErrors } from './use-alarm-errors';

const OPERATOR_SYMBOLS: Record<string, string> = { gt: '>', ge: '≥', lt: '<', le: '≤', eq: '=', ne: '≠' };

/** Creates an alarm, or edits one (`alarmId`); the same zod schema as the route checks it before sending. */
export function AlarmForm({ scope, alarmId, initial }: { scope: Scope; alarmId?: string; initial: AlarmFormState }) {
  const t = useTranslations('alarms.form');
  const tAlarms = useTranslations('alarms');
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { fieldText, shown } = useAlarmErrors();
  const options = useQuery(alarmFormOptionsQuery(scope));
  const stacks = useQuery(alarmStackChoicesQuery(scope));
  const [form, setForm] = useState<AlarmFormState>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof AlarmFormState>(key: K, value: AlarmFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const err = (key: string) => fieldText(errors[key]);
  const listError = (key: ActionListKey) => fieldText(errors[key] ?? Object.entries(errors).find(([k]) => k.startsWith(`${key}.`))?.[1]);
  const byResources = form.type === 'gnocchi_aggregation_by_resources_threshold';
  const servers = options.data?.servers ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = alarmFormSchema.safeParse(formInput(form));
    if (!parsed.success) return setErrors(zodFields(parsed.error.issues));
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      const { alarm } = await apiFetch<{ alarm: Alarm }>(alarmId ? `/api/alarms/${encodeURIComponent(alarmId)}` : '/api/alarms', {
        method: alarmId ? 'PUT' : 'POST',
        body: parsed.data,
      });
      toast.show({ tone: 'success', title: alarmId ? t('saved', { name: alarm.name }) : t('created', { name: alarm.name }) });
      await queryClient.invalidateQueries({ queryKey: ['alarms'] });
      await queryClient.invalidateQueries({ queryKey: ['alarm'] });
      router.push(alarmHref(alarm.id || alarmId || ''));
    } catch (error) {
      const fields = fieldsOf(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0 || fields.form) setFailure(shown(error));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-6">
      <Panel title={t('aboutTitle')}>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField label={t('name')} value={form.name} onChange={(e) => set('name', e.target.value)} error={err('name')} maxLength={255} autoFocus={!alarmId} />
          <SelectField
            label={t('severity')}
            value={form.severity}
            onChange={(e) => set('severity', e.target.value)}
            error={err('severity')}
            options={SEVERITY_LEVELS.map((s) => ({ value: s, label: tAlarms(`severities.${s}`) }))}
          />
          <TextField className="md:col-span-2" label={t('description')} value={form.description} onChange={(e) => set('description', e.target.value)} error={err('description')} maxLength={255} />
        </div>
      </Panel>
      <Panel title={t('ruleTitle')}>
        <div className="grid gap-4 md:grid-cols-2">
          <SelectField
            label={t('type')}
            value={form.type}
            onChange={(e) => set('type', e.target.value as AlarmFormState['type'])}
            error={err('type')}
            hint={byResources ? t('typeByResourcesHint') : t('typeResourcesHint')}
            options={[
              { value: 'gnocchi_resources_threshold', label: tAlarms('types.resources') },
              { value: 'gnocchi_aggregation_by_resources_threshold', label: tAlarms('types.byResources') },
            ]}
          />
          <TextField label={t('metric')} value={form.metric} onChange={(e) => set('metric', e.target.value)} error={err('metric')} list="alarm-metric-names" />
          <datalist id="alarm-metric-names">
            <option value="cpu_util" />
            <option value="cpu" />
            <option value="memory.usage" />
          </datalist>
          {byResources ? (
            <div className="space-y-2 md:col-span-2">
              <SelectField
                label={t('groupOfStack')}
                value={groupOfQuery(form.query)}
                onChange={(e) => e.target.value && set('query', serverGroupQuery(e.target.value))}
                hint={t('groupOfStackHint')}
                options={[{ value: '', label: t('chooseStack') }, ...(stacks.data?.stacks ?? []).map((s) => ({ value: s.id, label: s.name }))]}
              />
              <TextareaField label={t('query')} value={form.query} onChange={(e) => set('query', e.target.value)} error={err('query')} rows={2} />
            </div>
          ) : servers.length > 0 || options.isPending ? (
            <SelectField
              label={t('instance')}
              value={form.resourceId}
              onChange={(e) => set('resourceId', e.target.value)}
              error={err('resourceId')}
              options={[
                { value: '', label: options.isPending ? t('loadingInstances') : t('chooseInstance') },
                ...servers.map((s) => ({ value: s.id, label: `${s.name || s.id} (${s.status ?? '?'})` })),
                ...(form.resourceId && !servers.some((s) => s.id === form.resourceId) ? [{ value: form.resourceId, label: form.resourceId }] : []),
              ]}
            />
          ) : (
            <TextField label={t('resourceId')} value={form.resourceId} onChange={(e) => set('resourceId', e.target.value)} error={err('resourceId')} />
          )}
          <SelectField
            label={t('aggregation')}
            value={form.aggregationMethod}
            onChange={(e) => set('aggregationMethod', e.target.value)}
            error={err('aggregationMethod')}
            options={AGGREGATIONS.map((a) => ({ value: a, label: a }))}
          />
          <SelectField
            label={t('comparison')}
            value={form.comparisonOperator}
            onChange={(e) => set('comparisonOperator', e.target.value)}
            error={err('comparisonOperator')}
            options={COMPARISONS.map((c) => ({ value: c, label: `${OPERATOR_SYMBOLS[c]} (${c})` }))}
          />
          <TextField label={t('threshold')} value={form.threshold} onChange={(e) => set('threshold', e.target.value)} error={err('threshold')} inputMode="decimal" />
          <TextField label={t('granularity')} value={form.granularity} onChange={(e) => set('granularity', e.target.value)} error={err('granularity')} inputMode="numeric" />
          <TextField label={t('evaluationPeriods')} value={form.evaluationPeriods} onChange={(e) => set('evaluationPeriods', e.target.value)} error={err('evaluationPeriods')} inputMode="numeric" />
        </div>
      </Panel>
      <Panel title={t('actionsTitle')}>
        <div className="space-y-3">
          <p className="text-sm text-slate-600">{t('actionsIntro')}</p>
          {(
            [
              ['alarmActions', t('alarmActions')],
              ['okActions', t('okActions')],
              ['insufficientDataActions', t('insufficientDataActions')],
            ] as const
          ).map(([key, legend]) => (
            <AlarmActionEditor key={key} scope={scope} legend={legend} urls={form[key]} onChange={(urls) => set(key, urls)} options={options.data} error={listError(key)} />
          ))}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={form.repeatActions} onChange={(e) => set('repeatActions', e.target.checked)} />
            {t('repeatActions')}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} />
            {t('enabled')}
          </label>
        </div>
      </Panel>
      {failure && (
        <Alert tone="error">
          <p>{failure.text}</p>
          {failure.requestId && <p className="mt-1 font-mono text-xs">{failure.requestId}</p>}
        </Alert>
      )}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          {t('cancel')}
        </Button>
        <Button type="submit" busy={busy}>
          {alarmId ? t('save') : t('create')}
        </Button>
      </div>
    </form>
  );
}

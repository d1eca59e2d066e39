'use client';

import { type FormEvent, useId, useState } from 'react';
import { useTranslations } from 'use-intl';

import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField, type TextFieldProps } from '@/components/ui/text-field';
import { zodFields } from '@/components/ui/use-api-feedback';
import type { TraceQuery } from '@/lib/network/troubleshoot/types';
import type { ServerName } from '@/lib/openstack/nova/volume-attachments';
import { type TroubleshootForm as FormValues, troubleshootSchema } from '@/lib/validation/troubleshoot';

const SOURCES = ['internet', 'instance', 'cidr'] as const;

/** The question: where from, which instance, what traffic. Checked with the route's own schema before asking. */
export function TroubleshootForm({
  initial,
  servers,
  serversLoading,
  serverFields,
  busy,
  onSubmit,
}: {
  initial: FormValues;
  servers: ServerName[];
  serversLoading: boolean;
  /** Field errors the BFF answered with (an instance that does not exist). */
  serverFields: Record<string, string>;
  busy: boolean;
  onSubmit: (query: TraceQuery) => void;
}) {
  const t = useTranslations('troubleshoot');
  const legendId = useId();
  const [form, setForm] = useState<FormValues>(initial);
  const [fields, setFields] = useState<Record<string, string>>({});
  const set = (key: keyof FormValues) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));
  const errorOf = (key: string) => {
    const code = fields[key] ?? serverFields[key];
    return code ? t(`errors.${code}`) : null;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = troubleshootSchema.safeParse(form);
    if (!parsed.success) {
      setFields(zodFields(parsed.error.issues));
      return;
    }
    setFields({});
    onSubmit(parsed.data);
  };

  const instanceOptions = (exclude?: string) => {
    const list = servers.filter((s) => s.id !== exclude).map((s) => ({ value: s.id, label: s.name ? `${s.name} (${s.status ?? '?'})` : s.id }));
    return [{ value: '', label: serversLoading ? t('loadingInstances') : t('choose') }, ...list];
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t('formTitle')}>
      <fieldset className="space-y-2" aria-describedby={legendId}>
        <legend id={legendId} className="text-sm font-medium text-slate-800">{t('sourceLegend')}</legend>
        <div className="flex flex-wrap gap-4">
          {SOURCES.map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input type="radio" name="source" value={kind} checked={form.source === kind} onChange={set('source')} />
              {t(`sourceKinds.${kind}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 md:grid-cols-2">
        {form.source === 'internet' && (
          <HintedField label={t('address')} hint={t('addressHint')} name="address" value={String(form.address ?? '')} onChange={set('address')} error={errorOf('address')} />
        )}
        {form.source === 'instance' && (
          <SelectField label={t('sourceServer')} name="sourceServer" value={String(form.sourceServer ?? '')} onChange={set('sourceServer')} options={instanceOptions(String(form.destination ?? ''))} error={errorOf('sourceServer')} />
        )}
        {form.source === 'cidr' && (
          <HintedField label={t('cidr')} hint={t('cidrHint')} name="cidr" value={String(form.cidr ?? '')} onChange={set('cidr')} error={errorOf('cidr')} placeholder="198.51.100.0/24" />
        )}
        <SelectField label={t('destination')} name="destination" value={String(form.destination ?? '')} onChange={set('destination')} options={withCurrent(instanceOptions(), String(form.destination ?? ''))} error={errorOf('destination')} />
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField label={t('protocol')} name="protocol" value={form.protocol} onChange={set('protocol')} options={(['tcp', 'udp', 'icmp'] as const).map((p) => ({ value: p, label: t(`protocols.${p}`) }))} error={errorOf('protocol')} />
        {form.protocol === 'icmp' ? (
          <>
            <TextField label={t('icmpType')} name="icmpType" inputMode="numeric" value={String(form.icmpType ?? '')} onChange={set('icmpType')} error={errorOf('icmpType')} placeholder="8" />
            <TextField label={t('icmpCode')} name="icmpCode" inputMode="numeric" value={String(form.icmpCode ?? '')} onChange={set('icmpCode')} error={errorOf('icmpCode')} placeholder="0" />
          </>
        ) : (
          <TextField label={t('port')} name="port" inputMode="numeric" value={String(form.port ?? '')} onChange={set('port')} error={errorOf('port')} />
        )}
      </div>
      <p className="text-xs text-slate-500">{form.protocol === 'icmp' ? t('icmpHint') : t('portHint')}</p>
      <Button type="submit" busy={busy}>{busy ? t('checking') : t('submit')}</Button>
    </form>
  );
}

/** A pre-filled destination (from the instance page's link) stays selectable before the list arrives. */
function withCurrent(options: { value: string; label: string }[], current: string) {
  return current && !options.some((o) => o.value === current) ? [...options, { value: current, label: current }] : options;
}

function HintedField({ hint, ...field }: TextFieldProps & { hint: string }) {
  const hintId = useId();
  return (
    <div className="space-y-1">
      {/* The field ties its error to itself; the hint is tied only while there is no error. */}
      <TextField {...field} autoComplete="off" spellCheck={false} {...(field.error ? {} : { 'aria-describedby': hintId })} />
      <p id={hintId} className="text-xs text-slate-500">{hint}</p>
    </div>
  );
}

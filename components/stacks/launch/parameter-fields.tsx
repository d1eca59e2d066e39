'use client';

import { useTranslations } from 'use-intl';

import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import type { TemplateParameter } from '@/lib/openstack/heat/types';
import { type ParameterField as Field, fieldFor, hasDefault } from '@/lib/orchestration/parameter-form';
import type { Scope } from '@/lib/query/queries';

import { useStackFeedback } from '../list/use-stack-feedback';
import { useResourceOptions } from './use-resource-options';

interface FieldProps {
  scope: Scope;
  param: TemplateParameter;
  value: string;
  error: string | null;
  /** The stack's current value, when updating. */
  current?: string;
  onChange: (value: string) => void;
}

function hintOf(param: TemplateParameter, t: ReturnType<typeof useTranslations<'stacks'>>, current?: string): string | undefined {
  const parts = [param.description];
  if (current !== undefined) parts.push(t('currentValue', { value: current }));
  else if (hasDefault(param) && !param.hidden) parts.push(t('defaultValue', { value: typeof param.default === 'string' ? param.default : JSON.stringify(param.default) }));
  if (fieldFor(param).kind === 'list') parts.push(t('listHint'));
  return parts.filter(Boolean).join(' · ') || undefined;
}

function ResourceSelect({ scope, field, param, value, error, hint, onChange }: Omit<FieldProps, 'current'> & { field: Extract<Field, { kind: 'resource' }>; hint?: string }) {
  const t = useTranslations('stacks');
  const options = useResourceOptions(scope, field.constraint);
  const label = param.label ?? param.name;
  if (options.failed || !options.names) {
    return <TextField label={label} name={param.name} value={value} error={error} onChange={(e) => onChange(e.target.value)} placeholder={options.failed ? t('optionsFailed') : undefined} />;
  }
  const names = value && !options.names.includes(value) ? [value, ...options.names] : options.names;
  return (
    <SelectField
      label={label}
      name={param.name}
      hint={hint}
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value)}
      options={[{ value: '', label: t('choose') }, ...names.map((n) => ({ value: n, label: n }))]}
    />
  );
}

function ParameterInput({ scope, param, value, error, current, onChange }: FieldProps) {
  const t = useTranslations('stacks');
  const field = fieldFor(param);
  const label = param.label ?? param.name;
  const hint = hintOf(param, t, current);
  const common = { label, name: param.name, value, error, onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
  switch (field.kind) {
    case 'select':
      return <SelectField {...common} hint={hint} options={[{ value: '', label: t('choose') }, ...field.options.map((o) => ({ value: o, label: o }))]} />;
    case 'resource':
      return <ResourceSelect scope={scope} field={field} param={param} value={value} error={error} hint={hint} onChange={onChange} />;
    case 'boolean':
      return <SelectField {...common} hint={hint} options={[{ value: '', label: t('choose') }, { value: 'true', label: t('booleanTrue') }, { value: 'false', label: t('booleanFalse') }]} />;
    case 'json':
      return <TextareaField {...common} hint={hint} rows={3} spellCheck={false} />;
    case 'password':
      return (
        <div className="space-y-1">
          <TextField {...common} type="password" autoComplete="new-password" placeholder={current !== undefined ? t('keepCurrent') : t('hiddenPlaceholder')} />
          {hint && <p className="text-xs text-slate-500">{hint}</p>}
        </div>
      );
    default:
      return (
        <div className="space-y-1">
          <TextField {...common} inputMode={field.kind === 'number' ? 'decimal' : undefined} placeholder={current !== undefined ? t('keepCurrent') : undefined} />
          {hint && <p className="text-xs text-slate-500">{hint}</p>}
        </div>
      );
  }
}

/** A form generated from the template's parameters; each error sits at its parameter. */
export function ParameterFields({
  scope,
  params,
  values,
  errors,
  current,
  onChange,
}: {
  scope: Scope;
  params: TemplateParameter[];
  values: Record<string, string>;
  errors: Record<string, string>;
  current?: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
}) {
  const t = useTranslations('stacks');
  const { messageText } = useStackFeedback();
  if (params.length === 0) return <p className="text-sm text-slate-600">{t('noParameters')}</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {params.map((param) => (
        <ParameterInput
          key={param.name}
          scope={scope}
          param={param}
          value={values[param.name] ?? ''}
          error={messageText(errors[`parameters.${param.name}`])}
          current={current?.[param.name]}
          onChange={(value) => onChange({ ...values, [param.name]: value })}
        />
      ))}
    </div>
  );
}

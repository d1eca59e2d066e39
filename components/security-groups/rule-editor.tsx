'use client';

import { type FormEvent, useMemo, useState } from 'react';
import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import { Dialog } from '@/components/ui/dialog';
import { FormActions } from '@/components/ui/form-actions';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import { fieldsOf } from '@/components/ui/use-api-feedback';
import { RULE_TEMPLATE_IDS, type RuleTemplateId, templatePorts } from '@/lib/network/rule-templates';
import { exposedServices, ruleCliCommand } from '@/lib/network/rule-summary';
import type { SecurityGroup, SecurityGroupRule } from '@/lib/openstack/neutron/types';
import { apiFetch } from '@/lib/query/api';

import { EMPTY_RULE_FORM, type RuleFormField, type RuleFormValues, checkRuleForm, derivedEthertype, formFieldOf } from './rule-form';
import { useRuleWords } from './use-rule-words';
import { type ShownError, useSecurityGroupErrors } from './use-security-group-errors';

/**
 * Adds rules to a group from a template or a custom form. Checked before sending (the shared schema, and the
 * group's loaded rules for duplicates); Neutron's own refusals are shown in the form with the request ID.
 */
export function RuleEditor({
  group,
  projectGroups,
  groupNames,
  onClose,
  onAdded,
}: {
  group: SecurityGroup;
  projectGroups: { id: string; name: string }[];
  groupNames: Record<string, string>;
  onClose: () => void;
  onAdded: () => void;
}) {
  const t = useTranslations('securityGroups');
  const toast = useToast();
  const words = useRuleWords(groupNames);
  const { fieldText, shown } = useSecurityGroupErrors();
  const [form, setForm] = useState<RuleFormValues>(EMPTY_RULE_FORM);
  const [errors, setErrors] = useState<Partial<Record<RuleFormField, string>>>({});
  const [duplicates, setDuplicates] = useState<SecurityGroupRule[]>([]);
  const [failure, setFailure] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof RuleFormValues>(key: K, value: RuleFormValues[K]) => setForm((f) => ({ ...f, [key]: value }));
  const custom = form.template === 'custom';
  const ports = custom && (form.protocol === 'tcp' || form.protocol === 'udp');

  // The live preview: what would be sent, in words and as CLI commands, and the internet-exposure warning.
  const preview = useMemo(() => {
    const check = checkRuleForm(form, []);
    return check.rules.map((rule) => ({ ...rule, securityGroupId: group.id }));
  }, [form, group.id]);
  const exposed = [...new Set(preview.flatMap((r) => exposedServices(r)))];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const check = checkRuleForm(form, group.rules);
    setErrors(check.errors);
    setDuplicates(check.duplicates);
    if (check.rules.length === 0) return;
    setBusy(true);
    let added = 0;
    try {
      for (const rule of check.rules) {
        await apiFetch<{ rule: SecurityGroupRule }>(`/api/security-groups/${encodeURIComponent(group.id)}/rules`, { method: 'POST', body: rule });
        added += 1;
      }
      toast.show({ tone: 'success', title: t('rulesAdded', { count: added }) });
      onAdded();
      onClose();
    } catch (error) {
      const fields = fieldsOf(error);
      const mapped: Partial<Record<RuleFormField, string>> = {};
      for (const [path, key] of Object.entries(fields)) mapped[formFieldOf(path, form)] ??= key;
      // A form-level refusal (the group already has the rule, over quota) is shown with its request ID.
      const formLevel = Object.keys(mapped).length === 0 || mapped.form !== undefined;
      delete mapped.form;
      setErrors(mapped);
      if (formLevel) setFailure(shown(error));
      if (added > 0) onAdded();
    } finally {
      setBusy(false);
    }
  };

  const templateOptions = RULE_TEMPLATE_IDS.map((id: RuleTemplateId) => ({
    value: id,
    label: id === 'custom' ? t('templates.custom') : `${t(`templates.${id}`)} · ${templatePorts(id)}`,
  }));
  const error = (field: RuleFormField) => fieldText(errors[field]);
  const ethertype = derivedEthertype(form);
  const remoteLabel = form.direction === 'ingress' ? t('remoteSource') : t('remoteDestination');

  return (
    <Dialog open title={t('addRuleTitle', { name: group.name })} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate className="space-y-3">
        <SelectField label={t('template')} value={form.template} onChange={(e) => set('template', e.target.value as RuleTemplateId)} options={templateOptions} />
        <SelectField
          label={t('direction')}
          value={form.direction}
          onChange={(e) => set('direction', e.target.value as 'ingress' | 'egress')}
          options={[
            { value: 'ingress', label: t('ingressOption') },
            { value: 'egress', label: t('egressOption') },
          ]}
        />
        {custom && (
          <SelectField
            label={t('protocol')}
            value={form.protocol}
            error={error('protocol')}
            onChange={(e) => set('protocol', e.target.value as RuleFormValues['protocol'])}
            options={(['any', 'tcp', 'udp', 'icmp', 'other'] as const).map((p) => ({ value: p, label: t(`protocols.${p}`) }))}
          />
        )}
        {custom && form.protocol === 'other' && (
          <TextField label={t('protocolOther')} value={form.protocolOther} onChange={(e) => set('protocolOther', e.target.value)} error={error('protocolOther')} placeholder="gre, 47" />
        )}
        {ports && (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">{t('destinationPort')}</legend>
            <p className="text-xs text-slate-500">{t('destinationPortHint')}</p>
            <SelectField
              label={t('portMode')}
              value={form.portMode}
              onChange={(e) => set('portMode', e.target.value as RuleFormValues['portMode'])}
              options={(['single', 'range', 'all'] as const).map((m) => ({ value: m, label: t(`portModes.${m}`) }))}
            />
            {form.portMode !== 'all' && (
              <div className="grid grid-cols-2 gap-3">
                <TextField label={form.portMode === 'single' ? t('port') : t('portFrom')} inputMode="numeric" value={form.portFrom} onChange={(e) => set('portFrom', e.target.value)} error={error('portFrom')} />
                {form.portMode === 'range' && <TextField label={t('portTo')} inputMode="numeric" value={form.portTo} onChange={(e) => set('portTo', e.target.value)} error={error('portTo')} />}
              </div>
            )}
          </fieldset>
        )}
        {custom && form.protocol === 'icmp' && (
          <div className="grid grid-cols-2 gap-3">
            <TextField label={t('icmpType')} inputMode="numeric" value={form.icmpType} onChange={(e) => set('icmpType', e.target.value)} error={error('icmpType')} placeholder={t('icmpAny')} />
            <TextField label={t('icmpCode')} inputMode="numeric" value={form.icmpCode} onChange={(e) => set('icmpCode', e.target.value)} error={error('icmpCode')} placeholder={t('icmpAny')} />
          </div>
        )}
        <SelectField
          label={t('remoteKind')}
          value={form.remoteKind}
          onChange={(e) => set('remoteKind', e.target.value as 'cidr' | 'group')}
          options={[
            { value: 'cidr', label: t('remoteKinds.cidr') },
            { value: 'group', label: t('remoteKinds.group') },
          ]}
        />
        {form.remoteKind === 'cidr' ? (
          <TextField label={remoteLabel} value={form.cidr} onChange={(e) => set('cidr', e.target.value)} error={error('cidr')} placeholder={t('anywherePlaceholder')} />
        ) : (
          <SelectField
            label={t('remoteGroup')}
            value={form.remoteGroupId}
            error={error('remoteGroupId')}
            onChange={(e) => set('remoteGroupId', e.target.value)}
            options={[{ value: '', label: t('chooseGroup') }, ...projectGroups.map((g) => ({ value: g.id, label: g.id === group.id ? t('thisGroupOption', { name: g.name }) : g.name }))]}
          />
        )}
        <p className="text-sm text-slate-700">
          {t('ethertypeDerived', { ethertype })}
          {form.remoteKind === 'cidr' && !form.cidr.trim() && <span className="text-slate-500"> · {t('emptyMeansAnywhere', { cidr: ethertype === 'IPv6' ? '::/0' : '0.0.0.0/0' })}</span>}
        </p>
        <TextField label={t('ruleDescription')} value={form.description} onChange={(e) => set('description', e.target.value)} error={error('description')} maxLength={255} />
        {exposed.length > 0 && <Alert tone="warning">{t('openToWorld', { services: exposed.join(', ') })}</Alert>}
        {errors.form === 'duplicate' && (
          <Alert tone="error">
            <p>{t('errors.duplicate')}</p>
            <ul className="mt-1 list-disc pl-5">
              {duplicates.map((r) => (
                <li key={r.id}>{words(r, { withDirection: true })}</li>
              ))}
            </ul>
          </Alert>
        )}
        {failure && (
          <Alert tone="error">
            <p>{failure.text}</p>
            {failure.requestId && <p className="mt-1 font-mono text-xs">{t('requestId', { id: failure.requestId })}</p>}
          </Alert>
        )}
        {preview.length > 0 && (
          <div className="rounded-md border border-slate-200 bg-slate-50 p-2 text-xs">
            <p className="font-medium text-slate-700">{t('willAdd')}</p>
            <ul className="mt-1 space-y-0.5">
              {preview.map((r, i) => (
                <li key={i}>{words(r, { withDirection: true })}</li>
              ))}
            </ul>
            <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-all text-slate-600">
              <code>{preview.map((r) => ruleCliCommand(r, group.name || group.id, r.remoteGroupId ? groupNames[r.remoteGroupId] : null)).join('\n')}</code>
            </pre>
          </div>
        )}
        <FormActions busy={busy} cancelLabel={t('cancel')} submitLabel={t('addRuleSubmit')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

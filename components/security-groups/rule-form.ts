import { type RuleTemplateId, templateRules } from '@/lib/network/rule-templates';
import { ethertypeOf } from '@/lib/network/cidr';
import type { SecurityGroupRule } from '@/lib/openstack/neutron/types';
import {
  type SecurityGroupRuleInput,
  type SecurityGroupRuleRequest,
  findDuplicateRule,
  securityGroupRuleInput,
} from '@/lib/validation/security-group-rules';

/**
 * The rule editor's form as text fields, turned into the rules it stands for (one, or two for DNS) and checked
 * with the shared schema; each problem is put back on the field the person typed into.
 */
export interface RuleFormValues {
  template: RuleTemplateId;
  direction: 'ingress' | 'egress';
  protocol: 'any' | 'tcp' | 'udp' | 'icmp' | 'other';
  protocolOther: string;
  portMode: 'all' | 'single' | 'range';
  portFrom: string;
  portTo: string;
  icmpType: string;
  icmpCode: string;
  remoteKind: 'cidr' | 'group';
  cidr: string;
  remoteGroupId: string;
  description: string;
}

export type RuleFormField = keyof RuleFormValues | 'form';

export const EMPTY_RULE_FORM: RuleFormValues = {
  template: 'ssh',
  direction: 'ingress',
  protocol: 'tcp',
  protocolOther: '',
  portMode: 'single',
  portFrom: '',
  portTo: '',
  icmpType: '',
  icmpCode: '',
  remoteKind: 'cidr',
  cidr: '',
  remoteGroupId: '',
  description: '',
};

/** '' → null; anything else a number (NaN for text, which the schema names as not a number). */
const numberOrNull = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

/** The ethertype the rule will get: the CIDR's family, IPv4 when the CIDR is empty or not yet valid. */
export function derivedEthertype(form: RuleFormValues): 'IPv4' | 'IPv6' {
  return (form.remoteKind === 'cidr' && ethertypeOf(form.cidr.trim())) || 'IPv4';
}

export function rulesFromForm(form: RuleFormValues): SecurityGroupRuleRequest[] {
  const remoteIpPrefix = form.remoteKind === 'cidr' ? form.cidr.trim() || null : null;
  const remoteGroupId = form.remoteKind === 'group' ? form.remoteGroupId || null : null;
  const description = form.description;
  if (form.template !== 'custom') return templateRules(form.template, { direction: form.direction, remoteIpPrefix, remoteGroupId, description });
  const ipv6 = derivedEthertype(form) === 'IPv6';
  const rule: SecurityGroupRuleRequest = { direction: form.direction, protocol: null, portRangeMin: null, portRangeMax: null, remoteIpPrefix, remoteGroupId, description };
  if (form.protocol === 'tcp' || form.protocol === 'udp') {
    rule.protocol = form.protocol;
    if (form.portMode !== 'all') {
      rule.portRangeMin = numberOrNull(form.portFrom);
      rule.portRangeMax = form.portMode === 'single' ? rule.portRangeMin : numberOrNull(form.portTo);
    }
  } else if (form.protocol === 'icmp') {
    rule.protocol = ipv6 ? 'ipv6-icmp' : 'icmp';
    rule.portRangeMin = numberOrNull(form.icmpType);
    rule.portRangeMax = numberOrNull(form.icmpCode);
  } else if (form.protocol === 'other') {
    rule.protocol = form.protocolOther.trim() || 'other';
  }
  return [rule];
}

/** Which form field a schema path belongs to, given what the form shows. */
export function formFieldOf(path: string, form: RuleFormValues): RuleFormField {
  const icmp = form.template === 'custom' && form.protocol === 'icmp';
  switch (path) {
    case 'portRangeMin':
      return icmp ? 'icmpType' : form.template === 'custom' && form.protocol === 'other' ? 'protocolOther' : 'portFrom';
    case 'portRangeMax':
      return icmp ? 'icmpCode' : form.portMode === 'single' ? 'portFrom' : 'portTo';
    case 'protocol':
      return form.protocol === 'other' ? 'protocolOther' : 'protocol';
    case 'remoteIpPrefix':
      return 'cidr';
    case 'remoteGroupId':
      return 'remoteGroupId';
    case 'description':
      return 'description';
    case 'direction':
      return 'direction';
    default:
      return 'form';
  }
}

export interface CheckedRuleForm {
  /** The rules to send: those that do not repeat an existing rule. */
  rules: SecurityGroupRuleInput[];
  /** Field → i18n key under securityGroups.errors. */
  errors: Partial<Record<RuleFormField, string>>;
  /** Existing rules that the form repeats (a DNS template may repeat one of its two). */
  duplicates: SecurityGroupRule[];
}

export function checkRuleForm(form: RuleFormValues, existing: readonly SecurityGroupRule[]): CheckedRuleForm {
  const errors: CheckedRuleForm['errors'] = {};
  if (form.template === 'custom' && (form.protocol === 'tcp' || form.protocol === 'udp') && form.portMode !== 'all' && !form.portFrom.trim()) {
    errors.portFrom = 'port_required';
  }
  if (form.template === 'custom' && form.protocol === 'other' && !form.protocolOther.trim()) errors.protocolOther = 'protocol_required';
  if (form.remoteKind === 'group' && !form.remoteGroupId) errors.remoteGroupId = 'remote_group_required';
  const parsed: SecurityGroupRuleInput[] = [];
  for (const request of rulesFromForm(form)) {
    const result = securityGroupRuleInput.safeParse(request);
    if (result.success) parsed.push(result.data);
    else for (const issue of result.error.issues) errors[formFieldOf(issue.path.join('.'), form)] ??= issue.message;
  }
  if (Object.keys(errors).length > 0) return { rules: [], errors, duplicates: [] };
  const duplicates: SecurityGroupRule[] = [];
  const fresh = parsed.filter((rule) => {
    const duplicate = findDuplicateRule(rule, existing);
    if (duplicate) duplicates.push(duplicate);
    return !duplicate;
  });
  if (fresh.length === 0) return { rules: [], errors: { form: 'duplicate' }, duplicates };
  return { rules: fresh, errors: {}, duplicates };
}

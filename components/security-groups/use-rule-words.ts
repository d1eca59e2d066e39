'use client';

import { useCallback } from 'react';
import { useTranslations } from 'use-intl';

import { type RulePorts, describeRule } from '@/lib/network/rule-summary';
import type { SecurityGroupRule } from '@/lib/openstack/neutron/types';

type Rule = Pick<SecurityGroupRule, 'direction' | 'ethertype' | 'protocol' | 'portRangeMin' | 'portRangeMax' | 'remoteIpPrefix' | 'remoteGroupId'> &
  Partial<Pick<SecurityGroupRule, 'securityGroupId'>>;

/**
 * A rule in the reader's language: "TCP 22 (SSH) from anywhere (0.0.0.0/0)". The direction is left out when
 * the rule sits in an ingress or egress table, and said when it does not.
 */
export function useRuleWords(groupNames: Readonly<Record<string, string>>) {
  const t = useTranslations('securityGroups.words');
  const ports = useCallback(
    (p: RulePorts): string => {
      switch (p.kind) {
        case 'all':
          return t('allPorts');
        case 'none':
          return '';
        case 'single':
          return p.service ? `${p.port} (${p.service})` : String(p.port);
        case 'range':
          return `${p.from}–${p.to}`;
        case 'icmp': {
          const name = p.typeName ? ` (${t(`icmpTypes.${p.typeName}` as 'icmpTypes.echoRequest')})` : '';
          return `${t('icmpType', { type: p.type ?? 0 })}${name}${p.code === null ? '' : ` ${t('icmpCode', { code: p.code })}`}`;
        }
      }
    },
    [t],
  );
  return useCallback(
    (rule: Rule, options: { withDirection?: boolean } = {}): string => {
      const words = describeRule(rule, new Map(Object.entries(groupNames)));
      const what = words.protocol === 'any' ? t('anyProtocol', { ethertype: words.ethertype }) : [words.protocol, ports(words.ports)].filter(Boolean).join(' ');
      const remote =
        words.remote.kind === 'anywhere'
          ? t('anywhere', { cidr: words.remote.cidr })
          : words.remote.kind === 'cidr'
            ? words.remote.cidr
            : words.remote.self
              ? t('thisGroup')
              : t('group', { name: words.remote.name ?? words.remote.id });
      const sentence = t(words.direction === 'ingress' ? 'from' : 'to', { what, remote });
      return options.withDirection ? `${t(words.direction)} · ${sentence}` : sentence;
    },
    [groupNames, ports, t],
  );
}

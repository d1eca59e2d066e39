import type { SecurityGroup, SecurityGroupRule } from '../openstack/neutron/types';

/**
 * The ingress rules of some security groups that let in traffic from outside those groups: a rule with a
 * CIDR (or no remote at all, which Neutron reads as "anywhere"), or one whose remote group is not among them.
 * The default group's ingress rules name the group itself, so an instance with only that group is reached
 * by nothing outside it: the launch form warns before that happens.
 */
export function outsideIngressRules(groups: Pick<SecurityGroup, 'id' | 'rules'>[]): SecurityGroupRule[] {
  const chosen = new Set(groups.map((g) => g.id));
  return groups.flatMap((group) =>
    group.rules.filter((rule) => rule.direction === 'ingress' && (rule.remoteGroupId === null || !chosen.has(rule.remoteGroupId))),
  );
}

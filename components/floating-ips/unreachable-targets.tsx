'use client';

import { useTranslations } from 'use-intl';

import type { AssociateTarget } from '@/lib/bff/floating-ips';

/**
 * The fixed IPs left out of the choice, and why: Neutron maps a floating IP only through a router with its
 * gateway on the pool's network and an interface on the fixed IP's subnet (ExternalGatewayForFloatingIPNotFound).
 */
export function UnreachableTargets({ targets, pool }: { targets: AssociateTarget[]; pool: string }) {
  const t = useTranslations('floatingIps');
  if (targets.length === 0) return null;
  return (
    <details className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <summary className="cursor-pointer">{t('unreachableSummary', { count: targets.length })}</summary>
      <p className="mt-2">{t('unreachableExplained', { pool })}</p>
      <ul className="mt-2 list-disc pl-5">
        {targets.map((u) => (
          <li key={`${u.portId}|${u.fixedIpAddress}`}>
            {t('unreachableItem', { instance: u.serverName || u.serverId, fixedIp: u.fixedIpAddress, network: u.networkName ?? u.networkId })}
          </li>
        ))}
      </ul>
    </details>
  );
}

import { Badge } from '@/components/ui/badge';

/** Neutron's status words for networks, ports and routers: ACTIVE, DOWN, BUILD, ERROR. */
export function NeutronStatusBadge({ status, label }: { status: string; label: string }) {
  const tone = status === 'ACTIVE' ? 'ok' : status === 'ERROR' ? 'error' : status === 'BUILD' ? 'info' : 'neutral';
  return <Badge tone={tone}>{label}</Badge>;
}

/** Used and total addresses of a subnet as a meter; amber from 80 %, red from 95 %. */
export function IpMeter({ used, total, label }: { used: number; total: number; label: string }) {
  const ratio = total > 0 ? Math.min(used / total, 1) : 0;
  const colour = ratio >= 0.95 ? 'bg-red-600' : ratio >= 0.8 ? 'bg-amber-500' : 'bg-emerald-600';
  return (
    <div className="min-w-40">
      <div role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={used} className="h-2 w-full overflow-hidden rounded bg-slate-200">
        <div className={`h-full ${colour}`} style={{ width: `${(ratio * 100).toFixed(1)}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-600">{label}</p>
    </div>
  );
}

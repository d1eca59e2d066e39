import { PanelSkeleton } from '@/components/ui/panel';

/** What the floating IPs and network agents pages show while their server part loads. */
export function PageSkeleton() {
  return (
    <div className="space-y-4" aria-busy>
      <div className="h-6 w-48 animate-pulse rounded bg-slate-200" />
      <PanelSkeleton rows={5} />
    </div>
  );
}

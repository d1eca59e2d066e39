import { PanelSkeleton } from '@/components/ui/panel';

/** The stack page while its first data loads: header, tab strip and a panel. */
export function StackDetailSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true">
      <div className="h-7 w-64 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
      <div className="h-16 animate-pulse rounded-lg bg-slate-100 motion-reduce:animate-none" />
      <div className="flex gap-2">
        {Array.from({ length: 7 }, (_, i) => (
          <div key={i} className="h-8 w-20 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
        ))}
      </div>
      <PanelSkeleton rows={8} />
    </div>
  );
}

import { PanelSkeleton } from '@/components/ui/panel';

/** What the stack pages show while their server part loads. */
export function StacksSkeleton() {
  return (
    <div className="space-y-4" aria-busy>
      <div className="h-6 w-48 animate-pulse rounded bg-slate-200" />
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <PanelSkeleton rows={5} />
      </div>
    </div>
  );
}

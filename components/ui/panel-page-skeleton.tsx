import { PanelSkeleton } from '@/components/ui/panel';

/** What a list or detail page shows while the server renders it: a header line and one panel of grey rows. */
export function PanelPageSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true">
      <div className="h-6 w-48 animate-pulse rounded bg-slate-200" />
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <PanelSkeleton rows={6} />
      </div>
    </div>
  );
}

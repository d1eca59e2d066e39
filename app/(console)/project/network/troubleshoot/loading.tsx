import { PanelSkeleton } from '@/components/ui/panel';

export default function TroubleshootLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <div className="h-6 w-64 animate-pulse rounded bg-slate-200" />
      <PanelSkeleton rows={5} />
      <PanelSkeleton rows={6} />
    </div>
  );
}

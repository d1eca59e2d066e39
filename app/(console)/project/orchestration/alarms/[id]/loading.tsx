import { PanelPageSkeleton } from '@/components/ui/panel-page-skeleton';

export default function Loading() {
  return <PanelPageSkeleton />;
}

import { AlarmsPageSkeleton } from '@/components/alarms/page-skeleton';

export default function Loading() {
  return <AlarmsPageSkeleton />;
}

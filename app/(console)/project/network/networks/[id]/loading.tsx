import { NetworkPageSkeleton } from '@/components/networks/page-states';

export default function Loading() {
  return <NetworkPageSkeleton />;
}

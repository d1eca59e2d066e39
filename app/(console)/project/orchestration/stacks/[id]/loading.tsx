import { StackDetailSkeleton } from '@/components/stacks/detail/stack-detail-skeleton';

export default function Loading() {
  return <StackDetailSkeleton />;
}

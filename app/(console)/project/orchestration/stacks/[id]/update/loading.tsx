import { StacksSkeleton } from '@/components/stacks/list/stacks-skeleton';

export default function Loading() {
  return <StacksSkeleton />;
}

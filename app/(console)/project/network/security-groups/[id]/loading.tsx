import { SecurityGroupsPageSkeleton } from '@/components/security-groups/page-skeleton';

export default function Loading() {
  return <SecurityGroupsPageSkeleton />;
}

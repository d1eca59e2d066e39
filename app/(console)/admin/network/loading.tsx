import { PageSkeleton } from '@/components/floating-ips/page-skeleton';

export default function Loading() {
  return <PageSkeleton />;
}

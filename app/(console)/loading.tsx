import { Spinner } from '@/components/ui/spinner';

export default function Loading() {
  return (
    <div className="flex items-center gap-2 text-sm text-slate-600">
      <Spinner label="Loading" />
    </div>
  );
}

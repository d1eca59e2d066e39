import { Badge } from '@/components/ui/badge';
import type { HeatStatus } from '@/lib/openstack/heat/types';

import { statusTone } from './resource-type-style';

/** A resource's or event's status as Heat joins it (CREATE_COMPLETE), with its tone. */
export function HeatStatusBadge({ status }: { status: Pick<HeatStatus, 'action' | 'status'> }) {
  return <Badge tone={statusTone(status.status)}>{[status.action, status.status].filter(Boolean).join('_')}</Badge>;
}

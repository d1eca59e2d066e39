// Aodh's alarm change records: creation, rule change, state transition, deletion. The detail
// is JSON text, as Aodh stores and returns it.

import { randomUUID } from 'node:crypto';
import type { Repositories } from '../../store/open-store';
import type { Alarm, AlarmChange } from '../../store/schema';

export interface ChangeActor {
  userId: string | null;
  projectId: string | null;
}

export async function recordChange(
  repos: Repositories,
  alarm: Alarm,
  type: AlarmChange['type'],
  detail: unknown,
  actor: ChangeActor,
  now: string,
): Promise<void> {
  await repos.alarms.addChange({
    eventId: randomUUID(),
    alarmId: alarm.id,
    type,
    detail: JSON.stringify(detail),
    userId: actor.userId,
    projectId: actor.projectId,
    onBehalfOf: alarm.projectId,
    severity: alarm.severity,
    timestamp: now,
  });
}

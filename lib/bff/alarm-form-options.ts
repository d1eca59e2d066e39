import 'server-only';

import { novaClient } from '../openstack/nova/client';
import { type ServerName, listServerNames } from '../openstack/nova/volume-attachments';
import type { ScopedContext } from './guard';

/** What the alarm form picks from: the project's instances (a resources alarm watches one of them). */
export interface AlarmFormOptions {
  servers: ServerName[];
}

export async function loadAlarmFormOptions(ctx: ScopedContext): Promise<AlarmFormOptions> {
  const servers = await listServerNames(novaClient(ctx.endpoint('compute'), ctx.token));
  return { servers: servers.sort((a, b) => a.name.localeCompare(b.name)) };
}

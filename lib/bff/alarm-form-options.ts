import 'server-only';

import { novaClient } from '../openstack/nova/client';
import { type ServerName, listServerNames } from '../openstack/nova/volume-attachments';
import { optionalEndpoint } from './alarms';
import type { ScopedContext } from './guard';
import type { SignalEndpoints } from './signal-url-guard';

/**
 * What the alarm form picks from: the project's instances (a resources alarm watches one of them), and the
 * user's Heat endpoints (public catalog URLs) so the form can warn about an action URL that points elsewhere.
 */
export interface AlarmFormOptions {
  servers: ServerName[];
  signalEndpoints: SignalEndpoints;
  projectId: string;
}

export async function loadAlarmFormOptions(ctx: ScopedContext): Promise<AlarmFormOptions> {
  const servers = await listServerNames(novaClient(ctx.endpoint('compute'), ctx.token));
  return {
    servers: servers.sort((a, b) => a.name.localeCompare(b.name)),
    signalEndpoints: { orchestration: optionalEndpoint(ctx, 'orchestration'), cloudformation: optionalEndpoint(ctx, 'cloudformation') },
    projectId: ctx.project.id,
  };
}

// How the evaluator delivers an alarm's actions, as Aodh's notifiers do: http(s) URLs get a
// JSON POST; trust+http(s) URLs (Heat's signal URLs) lose the "trust+" and any user info and
// get a token of the alarm's owner in its project (the embedded cloud has no trusts); log and
// test only record. Delivery goes over HTTP, so Heat's URLs on this cloud loop back to it.

import { randomUUID } from 'node:crypto';
import type { Cloud } from '../cloud';
import { issueToken } from '../services/identity/token-service';
import type { AlarmActionSender } from './alarm-evaluator';

const DELIVERY_TIMEOUT_MS = 10_000;

export function httpActionSender(cloud: Cloud): AlarmActionSender {
  return async (url, notification, alarm) => {
    const trust = url.startsWith('trust+');
    const target = new URL(trust ? url.slice('trust+'.length) : url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-openstack-request-id': `req-${randomUUID()}`,
    };
    if (trust) {
      target.username = '';
      target.password = '';
      const token = await issueToken(cloud, {
        userId: alarm.userId,
        scope: { kind: 'project', projectId: alarm.projectId },
        methods: ['token'],
      });
      if (token === undefined) return;
      headers['x-auth-token'] = token.id;
    }
    await fetch(target, {
      method: 'POST',
      headers,
      body: JSON.stringify(notification),
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
  };
}

import 'server-only';

import { openstackRequest } from '../http';

/**
 * POSTs a signal URL the guard accepted: the native signal_url with the user's token, the pre-signed
 * CloudFormation alarm_url with none (its signature is the credential). Heat answers 200 with no body
 * and acts asynchronously, so the caller reads the group's state afterwards. Answers the cloud's time
 * of the answer (its Date header; ours when it has none), to compare with Heat's cooldown times.
 */
export async function postSignal(signal: { via: 'native' | 'cfn'; url: string }, token: string, body: unknown = null): Promise<number> {
  const response = await openstackRequest({
    service: signal.via === 'native' ? 'orchestration' : 'cloudformation',
    url: signal.url,
    method: 'POST',
    token: signal.via === 'native' ? token : undefined,
    body: body ?? {},
  });
  const date = Date.parse(response.headers.get('date') ?? '');
  return Number.isNaN(date) ? Date.now() : date;
}

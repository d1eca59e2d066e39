import type { OutputKind, StackOutput } from '../openstack/heat/types';
import { type SignalEndpoints, type SignalRefusal, checkSignalUrl, looksLikeSignalUrl } from './signal-url-guard';

/**
 * How the stack page renders each output (pure, no I/O): a signal URL the guard accepts becomes a button,
 * a signal-shaped URL it refuses is text with the reason, http/https values are links, objects and lists
 * are JSON, anything else is text.
 */
export type OutputAction = 'scaleUp' | 'scaleDown' | 'signal';

export interface ClassifiedOutput extends StackOutput {
  kind: OutputKind;
  action?: OutputAction;
  refused?: SignalRefusal;
}

const UP = new Set(['up', 'out', 'scaleup', 'scaleout', 'grow']);
const DOWN = new Set(['down', 'dn', 'in', 'scaledown', 'scalein', 'scaledn', 'shrink']);

/** "Scale up" / "Scale down" from the output's name (scale_up_url, scaleup_policy_signal_url, ScaleDownURL …). */
export function outputAction(key: string): OutputAction {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const up = words.some((w) => UP.has(w));
  const down = words.some((w) => DOWN.has(w));
  if (up === down) return 'signal';
  return up ? 'scaleUp' : 'scaleDown';
}

function isHttpLink(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function classifyOutput(output: StackOutput, endpoints: SignalEndpoints, projectId: string): ClassifiedOutput {
  const { value } = output;
  if (output.error !== null) return { ...output, kind: 'text' };
  if (looksLikeSignalUrl(value)) {
    const check = checkSignalUrl(value, endpoints, projectId);
    if (check.ok) return { ...output, kind: 'signal', action: outputAction(output.key) };
    return { ...output, kind: 'text', refused: check.reason };
  }
  if (typeof value === 'string' && isHttpLink(value)) return { ...output, kind: 'link' };
  if (value !== null && typeof value === 'object') return { ...output, kind: 'json' };
  return { ...output, kind: 'text' };
}

import { z } from 'zod';

import { normaliseCidr, parseCidr, parseIp } from '../network/cidr';
import type { TraceQuery } from '../network/troubleshoot/types';

/**
 * The troubleshooter's question, read from the form and from the URL (/project/network/troubleshoot?...,
 * GET /api/troubleshoot?...): every field arrives as text. Messages are i18n keys under "troubleshoot.errors".
 */
export const DEFAULT_INTERNET_ADDRESS = '203.0.113.5';
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

const text = z.union([z.string(), z.number()]).optional().transform((v) => (v === undefined ? '' : String(v).trim()));

export const troubleshootFormSchema = z.object({
  source: z.enum(['internet', 'instance', 'cidr'], { message: 'source_required' }),
  address: text,
  sourceServer: text,
  cidr: text,
  destination: text,
  protocol: z.enum(['tcp', 'udp', 'icmp'], { message: 'protocol_required' }),
  port: text,
  icmpType: text,
  icmpCode: text,
});

export type TroubleshootForm = z.input<typeof troubleshootFormSchema>;

function whole(value: string, min: number, max: number): number | 'nan' | 'range' {
  if (!/^\d{1,6}$/.test(value)) return 'nan';
  const n = Number(value);
  return n < min || n > max ? 'range' : n;
}

/** The form's text in, a TraceQuery out, with each problem at its field. */
export const troubleshootSchema = troubleshootFormSchema.transform((form, ctx): TraceQuery => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  let source: TraceQuery['source'] = { kind: 'internet', address: DEFAULT_INTERNET_ADDRESS };
  if (form.source === 'internet') {
    const address = form.address || DEFAULT_INTERNET_ADDRESS;
    if (!parseIp(address)) issue('address', 'not_an_address');
    source = { kind: 'internet', address };
  } else if (form.source === 'cidr') {
    if (!form.cidr) issue('cidr', 'cidr_required');
    else if (!parseCidr(form.cidr, { allowBareAddress: true })) issue('cidr', 'not_a_cidr');
    source = { kind: 'cidr', cidr: normaliseCidr(form.cidr, { allowBareAddress: true }) ?? form.cidr };
  } else {
    if (!form.sourceServer) issue('sourceServer', 'source_server_required');
    else if (!ID.test(form.sourceServer)) issue('sourceServer', 'not_an_id');
    else if (form.sourceServer === form.destination) issue('sourceServer', 'same_instance');
    source = { kind: 'instance', serverId: form.sourceServer };
  }
  if (!form.destination) issue('destination', 'destination_required');
  else if (!ID.test(form.destination)) issue('destination', 'not_an_id');

  let port: number | null = null;
  let icmpType: number | null = null;
  let icmpCode: number | null = null;
  if (form.protocol === 'icmp') {
    const type = form.icmpType === '' ? 8 : whole(form.icmpType, 0, 255);
    if (typeof type === 'number') icmpType = type;
    else issue('icmpType', type === 'nan' ? 'not_a_number' : 'icmp_range');
    const code = form.icmpCode === '' ? 0 : whole(form.icmpCode, 0, 255);
    if (typeof code === 'number') icmpCode = code;
    else issue('icmpCode', code === 'nan' ? 'not_a_number' : 'icmp_range');
  } else {
    const value = form.port === '' ? 'missing' : whole(form.port, 1, 65535);
    if (typeof value === 'number') port = value;
    else issue('port', value === 'missing' ? 'port_required' : value === 'nan' ? 'not_a_number' : 'port_range');
  }
  return { source, destinationServerId: form.destination, protocol: form.protocol, port, icmpType, icmpCode };
});

/** The query as URL parameters (the page's address and the API call share them). */
export function troubleshootParams(query: TraceQuery): URLSearchParams {
  const params = new URLSearchParams({ destination: query.destinationServerId, protocol: query.protocol, source: query.source.kind });
  if (query.source.kind === 'internet') params.set('address', query.source.address);
  if (query.source.kind === 'cidr') params.set('cidr', query.source.cidr);
  if (query.source.kind === 'instance') params.set('sourceServer', query.source.serverId);
  if (query.port !== null) params.set('port', String(query.port));
  if (query.icmpType !== null) params.set('icmpType', String(query.icmpType));
  if (query.icmpCode !== null) params.set('icmpCode', String(query.icmpCode));
  return params;
}

/** URL parameters (or any record of strings) as form text, with the defaults the page starts from. */
export function formFromParams(params: Record<string, string | undefined>): TroubleshootForm {
  const source = params.source === 'instance' || params.source === 'cidr' ? params.source : 'internet';
  const protocol = params.protocol === 'udp' || params.protocol === 'icmp' ? params.protocol : 'tcp';
  return {
    source,
    address: params.address ?? DEFAULT_INTERNET_ADDRESS,
    sourceServer: params.sourceServer ?? '',
    cidr: params.cidr ?? '',
    destination: params.destination ?? '',
    protocol,
    port: params.port ?? (protocol === 'icmp' ? '' : '22'),
    icmpType: params.icmpType ?? '',
    icmpCode: params.icmpCode ?? '',
  };
}

// Gnocchi's timestamps: read as ISO 8601 (UTC when no offset is given) or epoch seconds, written
// as 2026-11-21T23:40:00+00:00.

import { ApiError } from '../../http/api-error';

export function parseGnocchiTime(value: string, field: string): number {
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const withZone = /([zZ]|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms)) throw new ApiError(400, `Invalid value for ${field}: Unable to parse timestamp ${value}`);
  return ms;
}

export function formatGnocchiTime(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-11-21T23:40:00.000Z
  const fraction = iso.slice(20, 23) === '000' ? '' : `.${iso.slice(20, 23)}000`;
  return `${iso.slice(0, 19)}${fraction}+00:00`;
}

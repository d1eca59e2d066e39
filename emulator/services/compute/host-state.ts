// Liveness of Nova's services by the simulation clock. A service reports in every
// REPORT_INTERVAL seconds; one that has stopped reporting (the control API or a test sets
// stoppedReportingAt) is "down" once SERVICE_DOWN_TIME has passed, as Nova's servicegroup
// driver decides it; a forced-down service is down at once.

import type { ComputeService } from '../../store/schema';
import { formatIsoMicros, parseIsoMicros } from '../../sim/clock';

export const REPORT_INTERVAL_SECONDS = 10;
export const SERVICE_DOWN_TIME_SECONDS = 60;

/** When the service last reported, epoch ms. */
export function lastReport(service: ComputeService, now: number): number {
  if (service.stoppedReportingAt !== null) return parseIsoMicros(service.stoppedReportingAt);
  const interval = REPORT_INTERVAL_SECONDS * 1000;
  return Math.floor(now / interval) * interval;
}

export function serviceIsUp(service: ComputeService, now: number): boolean {
  if (service.forcedDown) return false;
  return now - lastReport(service, now) <= SERVICE_DOWN_TIME_SECONDS * 1000;
}

/** Nova's naive timestamp with microseconds: 2012-10-29T13:42:02.000000. */
export function novaNaiveTime(epochMs: number): string {
  return formatIsoMicros(epochMs).replace(/Z$/, '');
}

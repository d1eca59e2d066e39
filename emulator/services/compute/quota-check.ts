// Nova's instance quota check on create: how many of min..max instances fit under the
// instances, cores and ram limits, or a 403 with Nova's TooManyInstances wording.

import { ApiError } from '../../http/api-error';
import type { ComputeQuotaLimits } from '../../store/compute-quotas';
import type { Usage } from '../../store/servers';

const RESOURCES = ['cores', 'instances', 'ram'] as const;

/** The number of instances to create (max_count if it fits, else as many as fit, at least min_count). */
export function checkInstanceQuota(
  limits: ComputeQuotaLimits,
  usage: Usage,
  flavor: { vcpus: number; ram: number },
  minCount: number,
  maxCount: number,
): number {
  const used = { instances: usage.instances, cores: usage.vcpus, ram: usage.memoryMb };
  const per = { instances: 1, cores: flavor.vcpus, ram: flavor.ram };
  let allowed = maxCount;
  for (const resource of RESOURCES) {
    const limit = limits[resource];
    if (limit < 0 || per[resource] === 0) continue;
    allowed = Math.min(allowed, Math.floor((limit - used[resource]) / per[resource]));
  }
  if (allowed >= minCount) return Math.min(allowed, maxCount);
  // Nova reports the resources the minimum request goes over, in one joined sentence.
  const overs = RESOURCES.filter((r) => limits[r] >= 0 && used[r] + per[r] * minCount > limits[r]);
  const join = (values: (string | number)[]) => values.join(', ');
  throw new ApiError(
    403,
    `Quota exceeded for ${join(overs)}: Requested ${join(overs.map((r) => per[r] * minCount))}, but already used ${join(overs.map((r) => used[r]))} of ${join(overs.map((r) => limits[r]))} ${join(overs)}`,
  );
}

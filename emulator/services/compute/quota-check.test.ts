import { describe, expect, it } from 'vitest';
import { COMPUTE_QUOTA_DEFAULTS } from '../../store/compute-quotas';
import { checkInstanceQuota } from './quota-check';

const limits = { ...COMPUTE_QUOTA_DEFAULTS };
const none = { instances: 0, vcpus: 0, memoryMb: 0, diskGb: 0 };

describe('checkInstanceQuota', () => {
  it('allows max_count when it fits, else as many as fit down to min_count', () => {
    expect(checkInstanceQuota(limits, none, { vcpus: 1, ram: 512 }, 1, 3)).toBe(3);
    expect(checkInstanceQuota(limits, none, { vcpus: 4, ram: 512 }, 1, 10)).toBe(5);
    expect(checkInstanceQuota(limits, { ...none, instances: 9 }, { vcpus: 1, ram: 512 }, 1, 5)).toBe(1);
  });

  it('treats -1 as unlimited', () => {
    expect(checkInstanceQuota({ ...limits, instances: -1, cores: -1, ram: -1 }, none, { vcpus: 64, ram: 1 << 20 }, 50, 50)).toBe(50);
  });

  it('throws 403 with Nova’s wording for one resource', () => {
    expect(() => checkInstanceQuota(limits, { ...none, vcpus: 20 }, { vcpus: 4, ram: 512 }, 1, 1)).toThrow(
      'Quota exceeded for cores: Requested 4, but already used 20 of 20 cores',
    );
  });

  it('throws with every resource over the limit', () => {
    expect(() => checkInstanceQuota(limits, { instances: 10, vcpus: 20, memoryMb: 0, diskGb: 0 }, { vcpus: 1, ram: 512 }, 1, 1)).toThrow(
      'Quota exceeded for cores, instances: Requested 1, 1, but already used 20, 10 of 20, 10 cores, instances',
    );
  });
});

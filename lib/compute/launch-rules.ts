/** What decides whether a flavor can be used for a launch; shared by the launch form and the BFF. */
export interface LaunchImage {
  id: string;
  name: string;
  minDiskGb: number;
  minRamMb: number;
  sizeBytes: number | null;
}

export interface ComputeLimits {
  instances: { used: number; max: number };
  cores: { used: number; max: number };
  ram: { used: number; max: number };
  keyPairs: { max: number };
  serverGroups: { used: number; max: number };
}

/** Why a flavor cannot be used for this launch, if it cannot: too small for the image, or over quota. */
export function flavorProblem(
  flavor: { vcpus: number; ramMb: number; diskGb: number },
  count: number,
  image: Pick<LaunchImage, 'minDiskGb' | 'minRamMb'> | null,
  limits: ComputeLimits | null,
  bootsFromVolume: boolean,
): 'disk_too_small' | 'ram_too_small' | 'over_cores' | 'over_ram' | 'over_instances' | null {
  if (image && !bootsFromVolume && flavor.diskGb > 0 && flavor.diskGb < image.minDiskGb) return 'disk_too_small';
  if (image && flavor.ramMb < image.minRamMb) return 'ram_too_small';
  if (limits) {
    const free = (l: { used: number; max: number }) => (l.max < 0 ? Infinity : l.max - l.used);
    if (count > free(limits.instances)) return 'over_instances';
    if (flavor.vcpus * count > free(limits.cores)) return 'over_cores';
    if (flavor.ramMb * count > free(limits.ram)) return 'over_ram';
  }
  return null;
}

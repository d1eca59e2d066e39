// Counts the OpenStack requests the cloud has served, by service, so a benchmark or a test can say how
// many backend calls a dashboard page made (the control API's own requests are not counted).

export interface RequestCounter {
  record(path: string): void;
  snapshot(): { total: number; byService: Record<string, number> };
  reset(): void;
}

export function createRequestCounter(): RequestCounter {
  let byService = new Map<string, number>();
  return {
    record(path) {
      const service = path.split('/')[1]?.split('?')[0] ?? '';
      if (!service || service === '_emulator') return;
      byService.set(service, (byService.get(service) ?? 0) + 1);
    },
    snapshot() {
      const counts = Object.fromEntries([...byService].sort(([a], [b]) => a.localeCompare(b)));
      return { total: Object.values(counts).reduce((a, b) => a + b, 0), byService: counts };
    },
    reset() {
      byService = new Map();
    },
  };
}

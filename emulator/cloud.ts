// What every part of the embedded cloud shares: the store, the clock and its settings.

import type { RequestCounter } from './control/request-counter';
import type { Clock } from './sim/clock';
import type { Store } from './store/open-store';
import type { SeedOptions } from './seeds/apply-seed';

export interface Cloud {
  store: Store;
  clock: Clock;
  /** Base URL clients reach the cloud at, without a trailing slash. */
  publicUrl: string;
  tokenTtlSeconds: number;
  /** Passwords used whenever the cloud is (re)seeded. */
  seedOptions: Omit<SeedOptions, 'regions'>;
  /** Absolute URL for a path below the public URL. */
  url(path: string): string;
  /** OpenStack requests served, by service (read through the control API). */
  requests: RequestCounter;
}

export interface CloudPluginOptions {
  cloud: Cloud;
}

import coreEn from './messages/core.en.json';
import computeEn from './messages/compute.en.json';
import computeJa from './messages/compute.ja.json';
import coreJa from './messages/core.ja.json';
import imagesEn from './messages/images.en.json';
import imagesJa from './messages/images.ja.json';
import flavorsEn from './messages/flavors.en.json';
import flavorsJa from './messages/flavors.ja.json';
import keypairsEn from './messages/keypairs.en.json';
import keypairsJa from './messages/keypairs.ja.json';
import volumesEn from './messages/volumes.en.json';
import volumesJa from './messages/volumes.ja.json';
import networksEn from './messages/networks.en.json';
import networksJa from './messages/networks.ja.json';
import securityGroupsEn from './messages/securityGroups.en.json';
import securityGroupsJa from './messages/securityGroups.ja.json';
import floatingIpsEn from './messages/floatingIps.en.json';
import floatingIpsJa from './messages/floatingIps.ja.json';
import troubleshootEn from './messages/troubleshoot.en.json';
import troubleshootJa from './messages/troubleshoot.ja.json';
import metricsEn from './messages/metrics.en.json';
import metricsJa from './messages/metrics.ja.json';
import alarmsEn from './messages/alarms.en.json';
import alarmsJa from './messages/alarms.ja.json';
import stacksEn from './messages/stacks.en.json';
import stacksJa from './messages/stacks.ja.json';
import stackDetailEn from './messages/stackDetail.en.json';
import stackDetailJa from './messages/stackDetail.ja.json';
import type { Locale } from './locales';

/**
 * Messages are kept in one file per area (`<area>.en.json` and `<area>.ja.json`, top-level keys unique
 * across areas) and merged here; a unit test checks that both languages have the same keys.
 */
const en = {
  ...coreEn,
  ...computeEn,
  ...imagesEn,
  ...flavorsEn,
  ...keypairsEn,
  ...volumesEn,
  ...networksEn,
  ...securityGroupsEn,
  ...floatingIpsEn,
  ...troubleshootEn,
  ...metricsEn,
  ...stacksEn,
  ...stackDetailEn,
  ...alarmsEn,
};

export type Messages = typeof en;

const ja: Messages = {
  ...coreJa,
  ...computeJa,
  ...imagesJa,
  ...flavorsJa,
  ...keypairsJa,
  ...volumesJa,
  ...networksJa,
  ...securityGroupsJa,
  ...floatingIpsJa,
  ...troubleshootJa,
  ...metricsJa,
  ...stacksJa,
  ...stackDetailJa,
  ...alarmsJa,
};

export const MESSAGES: Record<Locale, Messages> = { en, ja };

'use client';

import { useTranslations } from 'use-intl';

import { Badge } from '@/components/ui/badge';
import type { AlarmState } from '@/lib/openstack/aodh/types';

const TONE = { ok: 'ok', alarm: 'error', 'insufficient data': 'neutral' } as const;
const KEY = { ok: 'ok', alarm: 'alarm', 'insufficient data': 'insufficientData' } as const;

/** Aodh's state as a badge: ok green, alarm red, insufficient data grey (with the word, never colour alone). */
export function AlarmStateBadge({ state }: { state: AlarmState }) {
  const t = useTranslations('alarms.states');
  return <Badge tone={TONE[state] ?? 'neutral'}>{t(KEY[state] ?? 'insufficientData')}</Badge>;
}

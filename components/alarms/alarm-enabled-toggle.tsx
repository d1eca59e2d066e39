'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';

import { useToast } from '@/components/ui/toast';
import type { Alarm } from '@/lib/openstack/aodh/types';
import { setAlarmEnabledRequest } from '@/lib/query/alarm-queries';

import { useAlarmErrors } from './use-alarm-errors';

/** A switch for Aodh's `enabled`: a disabled alarm is not evaluated and sends no actions. */
export function AlarmEnabledToggle({ alarm, onChanged }: { alarm: Pick<Alarm, 'id' | 'name' | 'enabled'>; onChanged: () => void }) {
  const t = useTranslations('alarms');
  const toast = useToast();
  const { shown } = useAlarmErrors();
  const [busy, setBusy] = useState(false);

  const flip = async () => {
    setBusy(true);
    try {
      await setAlarmEnabledRequest(alarm.id, !alarm.enabled);
      toast.show({ tone: 'success', title: alarm.enabled ? t('disabledToast', { name: alarm.name }) : t('enabledToast', { name: alarm.name }) });
      onChanged();
    } catch (error) {
      const { text, requestId } = shown(error);
      toast.show({ tone: 'error', title: text, detail: requestId ?? undefined });
    } finally {
      setBusy(false);
    }
  };

  return (
    <button
      type="button"
      role="switch"
      aria-checked={alarm.enabled}
      aria-label={t('enabledNamed', { name: alarm.name })}
      disabled={busy}
      onClick={() => void flip()}
      className="inline-flex items-center gap-2 rounded-md px-1 py-0.5 text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600 disabled:opacity-60"
    >
      <span aria-hidden className={`relative inline-block h-5 w-9 rounded-full transition-colors ${alarm.enabled ? 'bg-emerald-600' : 'bg-slate-300'}`}>
        <span className={`absolute top-0.5 h-4 w-4 rounded-full bg-white shadow transition-all ${alarm.enabled ? 'left-4' : 'left-0.5'}`} />
      </span>
      <span>{alarm.enabled ? t('on') : t('off')}</span>
    </button>
  );
}

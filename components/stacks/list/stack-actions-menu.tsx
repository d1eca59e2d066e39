'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { cn } from '@/lib/cn';
import type { HeatStatus } from '@/lib/openstack/heat/types';
import { type StackMenuAction, allowedActions } from '@/lib/orchestration/stack-model';
import { STACKS_KEY, deleteStack, runStackAction } from '@/lib/query/stack-queries';

import { useStackFeedback } from './use-stack-feedback';

type Confirmable = Exclude<StackMenuAction, 'update'>;

/**
 * A stack's actions (suspend or resume, check, update, delete) as a menu button: arrow keys move through the
 * items, Escape closes it. Every action but update asks first. Used by the list and the stack page header.
 */
export function StackActionsMenu({
  stack,
  onDeleted,
}: {
  stack: Pick<HeatStatus, 'action' | 'status'> & { id: string; name: string };
  /** After a delete has started (the stack page goes back to the list). */
  onDeleted?: () => void;
}) {
  const t = useTranslations('stacks');
  const router = useRouter();
  const queryClient = useQueryClient();
  const { toastError, toastSuccess } = useStackFeedback();
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState<Confirmable | null>(null);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const actions = allowedActions(stack);

  const items = () => Array.from(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const onMenuKey = (event: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      list[(at + step + list.length) % list.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      list[event.key === 'Home' ? 0 : list.length - 1]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  const choose = (action: StackMenuAction) => {
    setOpen(false);
    if (action === 'update') router.push(`/project/orchestration/stacks/${encodeURIComponent(stack.id)}/update`);
    else setConfirm(action);
  };

  const run = async (action: Confirmable) => {
    setBusy(true);
    try {
      if (action === 'delete') {
        await deleteStack(stack.id);
        toastSuccess(t('deleteStarted', { name: stack.name }));
        onDeleted?.();
      } else {
        await runStackAction(stack.id, action);
        toastSuccess(t('actionStarted', { name: stack.name, action: t(`action.${action}`) }));
      }
      await queryClient.invalidateQueries({ queryKey: STACKS_KEY });
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  };

  return (
    <div className="relative inline-block text-left">
      <button
        ref={button}
        type="button"
        className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600 disabled:text-slate-400"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('actionsFor', { name: stack.name })}
        disabled={actions.length === 0}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {t('actionsMenu')}
        <span aria-hidden>▾</span>
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={t('actionsFor', { name: stack.name })}
          onKeyDown={onMenuKey}
          className="absolute right-0 z-20 mt-1 min-w-40 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {actions.map((action) => (
            <li key={action} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => choose(action)}
                className={cn(
                  'block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none',
                  action === 'delete' ? 'text-red-700' : 'text-slate-800',
                )}
              >
                {t(`action.${action}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm ? t(`confirm.${confirm}Title`, { name: stack.name }) : ''}
        confirmLabel={confirm ? t(`action.${confirm}`) : ''}
        cancelLabel={t('cancel')}
        destructive={confirm === 'delete'}
        busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => confirm && void run(confirm)}
      >
        <p>{confirm ? t(`confirm.${confirm}Body`) : ''}</p>
      </ConfirmDialog>
    </div>
  );
}

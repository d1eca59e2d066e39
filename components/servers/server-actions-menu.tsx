'use client';

import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslations } from 'use-intl';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { cn } from '@/lib/cn';
import { DESTRUCTIVE_ACTIONS, SERVER_ACTIONS, type ServerAction, canPerform } from '@/lib/compute/server-status';

import { useServerAction } from './use-server-action';

export interface ActionTarget {
  id: string;
  name: string;
  status: Parameters<typeof canPerform>[1]['status'];
  taskState: string | null;
  locked: boolean;
}

/**
 * The actions Nova accepts in the instance's current state, nothing else; destructive ones ask first.
 * Arrow keys move through the menu, Escape closes it. The menu is drawn over the page (a portal with
 * fixed position), so a table's scroll box neither clips it nor scrolls when it takes focus.
 */
export function ServerActionsMenu({ server, isAdmin, align = 'right' }: { server: ActionTarget; isAdmin: boolean; align?: 'left' | 'right' }) {
  const t = useTranslations('instances');
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState<ServerAction | null>(null);
  const [position, setPosition] = useState<CSSProperties>({});
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const mutation = useServerAction();
  const allowed = SERVER_ACTIONS.filter((a) => canPerform(a, server, isAdmin));

  const openMenu = () => {
    const rect = buttonRef.current?.getBoundingClientRect();
    if (rect) {
      const below = window.innerHeight - rect.bottom > 320;
      setPosition({
        position: 'fixed',
        ...(below ? { top: rect.bottom + 4 } : { bottom: window.innerHeight - rect.top + 4 }),
        ...(align === 'right' ? { right: window.innerWidth - rect.right } : { left: rect.left }),
      });
    }
    setOpen(true);
  };

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus({ preventScroll: true });
    const close = (event: Event) => {
      if (event.type === 'mousedown' && (menuRef.current?.contains(event.target as Node) || buttonRef.current?.contains(event.target as Node))) return;
      setOpen(false);
    };
    document.addEventListener('mousedown', close);
    window.addEventListener('resize', close);
    window.addEventListener('scroll', close, true);
    return () => {
      document.removeEventListener('mousedown', close);
      window.removeEventListener('resize', close);
      window.removeEventListener('scroll', close, true);
    };
  }, [open]);

  const choose = (action: ServerAction) => {
    setOpen(false);
    if (DESTRUCTIVE_ACTIONS.includes(action)) setPending(action);
    else mutation.mutate({ id: server.id, name: server.name, action });
  };

  const onMenuKey = (event: React.KeyboardEvent) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
    else if (event.key === 'Escape') {
      setOpen(false);
      buttonRef.current?.focus();
    }
    else return;
    event.preventDefault();
  };

  return (
    <div className="relative inline-block">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('actionsFor', { name: server.name })}
        disabled={allowed.length === 0 || mutation.isPending}
        onClick={() => (open ? setOpen(false) : openMenu())}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600 disabled:opacity-50"
      >
        {mutation.isPending ? t('working') : t('actionsButton')} ▾
      </button>
      {open &&
        createPortal(
        <div
          ref={menuRef}
          role="menu"
          aria-label={t('actionsFor', { name: server.name })}
          onKeyDown={onMenuKey}
          style={position}
          className="z-40 w-48 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {allowed.map((action) => (
            <button
              key={action}
              type="button"
              role="menuitem"
              onClick={() => choose(action)}
              className={cn(
                'block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none',
                DESTRUCTIVE_ACTIONS.includes(action) ? 'text-red-700' : 'text-slate-800',
              )}
            >
              {t(`actions.${action}`)}
            </button>
          ))}
        </div>,
          document.body,
        )}
      <ConfirmDialog
        open={pending !== null}
        title={pending ? t('confirmTitle', { action: t(`actions.${pending}`), name: server.name }) : ''}
        confirmLabel={pending ? t(`actions.${pending}`) : ''}
        cancelLabel={t('cancel')}
        destructive
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (pending) mutation.mutate({ id: server.id, name: server.name, action: pending });
          setPending(null);
        }}
      >
        {pending ? t(`confirm.${pending}`) : null}
      </ConfirmDialog>
    </div>
  );
}

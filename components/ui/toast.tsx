'use client';

import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from 'react';

import { cn } from '@/lib/cn';

/** Short notices after an action (done, or failed with the request ID), read out by screen readers. */
export interface Toast {
  id: number;
  tone: 'success' | 'error' | 'info';
  title: string;
  detail?: string;
}

interface ToastApi {
  show(toast: Omit<Toast, 'id'>): void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = Date.now() + Math.random();
      setToasts((list) => [...list.slice(-3), { ...toast, id }]);
      if (toast.tone !== 'error') setTimeout(() => dismiss(id), 6_000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div aria-live="polite" className="fixed bottom-4 right-4 z-50 flex w-80 flex-col gap-2">
        {toasts.map((t) => (
          <div
            key={t.id}
            role={t.tone === 'error' ? 'alert' : 'status'}
            className={cn(
              'rounded-md border px-3 py-2 text-sm shadow-md',
              t.tone === 'success' && 'border-emerald-300 bg-emerald-50 text-emerald-900',
              t.tone === 'error' && 'border-red-300 bg-red-50 text-red-900',
              t.tone === 'info' && 'border-sky-300 bg-sky-50 text-sky-900',
            )}
          >
            <div className="flex items-start justify-between gap-2">
              <p className="font-medium">{t.title}</p>
              <button type="button" aria-label="Dismiss" onClick={() => dismiss(t.id)} className="text-xs opacity-70 hover:opacity-100">
                ✕
              </button>
            </div>
            {t.detail && <p className="mt-1 break-all font-mono text-xs opacity-80">{t.detail}</p>}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast needs a ToastProvider');
  return api;
}

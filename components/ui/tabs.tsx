'use client';

import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';

import { cn } from '@/lib/cn';

/** Tabs as WAI-ARIA describes them: arrow keys, Home and End move between tabs; one panel shows. */
export function Tabs({ label, tabs }: { label: string; tabs: { key: string; title: ReactNode; content: ReactNode }[] }) {
  const [active, setActive] = useState(tabs[0]?.key ?? '');
  const id = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const focusTab = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    setActive(tab.key);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-key="${tab.key}"]`)?.focus();
  };
  const onKey = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.key === active);
    if (event.key === 'ArrowRight') focusTab(index + 1);
    else if (event.key === 'ArrowLeft') focusTab(index - 1);
    else if (event.key === 'Home') focusTab(0);
    else if (event.key === 'End') focusTab(tabs.length - 1);
    else return;
    event.preventDefault();
  };
  return (
    <div>
      <div ref={listRef} role="tablist" aria-label={label} onKeyDown={onKey} className="flex flex-wrap gap-1 border-b border-slate-200">
        {tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            data-key={tab.key}
            id={`${id}-tab-${tab.key}`}
            aria-selected={tab.key === active}
            aria-controls={`${id}-panel-${tab.key}`}
            tabIndex={tab.key === active ? 0 : -1}
            onClick={() => setActive(tab.key)}
            className={cn(
              '-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600',
              tab.key === active ? 'border-sky-700 text-sky-900' : 'border-transparent text-slate-600 hover:text-slate-900',
            )}
          >
            {tab.title}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${id}-panel-${tab.key}`}
          aria-labelledby={`${id}-tab-${tab.key}`}
          hidden={tab.key !== active}
          tabIndex={0}
          className="pt-4 focus-visible:outline-none"
        >
          {tab.key === active && tab.content}
        </div>
      ))}
    </div>
  );
}

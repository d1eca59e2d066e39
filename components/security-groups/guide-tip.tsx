import type { ReactNode } from 'react';

/** The operations guide's advice for the task on this page, and the `openstack` commands that do the same. */
export function GuideTip({ title, tip, cliLabel, commands }: { title: string; tip: ReactNode; cliLabel: string; commands: string[] }) {
  return (
    <aside className="rounded-lg border border-sky-200 bg-sky-50/60 p-4 text-sm text-slate-800" aria-label={title}>
      <h2 className="font-semibold text-sky-900">{title}</h2>
      <div className="mt-1 max-w-3xl">{tip}</div>
      <p className="mt-3 text-xs font-medium uppercase tracking-wide text-slate-500">{cliLabel}</p>
      <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-2 text-xs text-slate-100">
        <code>{commands.join('\n')}</code>
      </pre>
    </aside>
  );
}

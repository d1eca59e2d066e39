import type { ReactNode } from 'react';

/** The operations guide's advice for a page, in Zenith's words, and the `openstack` commands that do the same. */
export function GuideTip({ title, cliTitle, commands, children }: { title: string; cliTitle: string; commands: string[]; children: ReactNode }) {
  return (
    <aside aria-label={title} className="rounded-lg border border-sky-200 bg-sky-50 p-4 text-sm text-sky-950">
      <h2 className="font-semibold">{title}</h2>
      <div className="mt-1 space-y-1">{children}</div>
      <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide text-sky-900">{cliTitle}</h3>
      <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-2 text-xs text-slate-100">
        <code>{commands.join('\n')}</code>
      </pre>
    </aside>
  );
}

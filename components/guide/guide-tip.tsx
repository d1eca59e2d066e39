import type { ReactNode } from 'react';

/**
 * The operations guide's advice for the task on a page, in Zenith's words, and the `openstack` commands that
 * do the same, so a reader can move between the dashboard and the CLI. Commands are rendered as text.
 */
export function GuideTip({
  title,
  tip,
  children,
  cliLabel,
  commands,
}: {
  title: string;
  tip?: ReactNode;
  children?: ReactNode;
  cliLabel: string;
  commands: string[];
}) {
  return (
    <aside aria-label={title} className="rounded-lg border border-sky-200 bg-sky-50 p-4 text-sm text-sky-950">
      <h2 className="font-semibold">{title}</h2>
      {tip && <p className="mt-1 max-w-3xl">{tip}</p>}
      {children && <div className="mt-1 max-w-3xl space-y-1">{children}</div>}
      <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide text-sky-900">{cliLabel}</h3>
      <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-2 text-xs text-slate-100">
        <code>{commands.join('\n')}</code>
      </pre>
    </aside>
  );
}

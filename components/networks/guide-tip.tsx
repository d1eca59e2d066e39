import type { ReactNode } from 'react';

/**
 * The operations guide's advice for a page and the `openstack` command that does the same, so a reader can
 * move between the dashboard and the CLI. Commands are text; user data inside them stays text too.
 */
export function GuideTip({ title, tip, cliLabel, command }: { title: string; tip: ReactNode; cliLabel: string; command: string }) {
  return (
    <aside aria-label={title} className="rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{tip}</p>
      <p className="mt-2 text-xs font-medium text-sky-900">{cliLabel}</p>
      <pre className="mt-1 overflow-x-auto rounded bg-white/70 px-2 py-1 font-mono text-xs">
        <code>{command}</code>
      </pre>
    </aside>
  );
}

import { type SelectHTMLAttributes, useId } from 'react';

import { cn } from '@/lib/cn';

export interface SelectMenuProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  options: { value: string; label: string }[];
  hideLabel?: boolean;
}

/** A native select: keyboard and screen-reader behaviour come from the browser. */
export function SelectMenu({ label, options, hideLabel, className, ...rest }: SelectMenuProps) {
  const id = useId();
  return (
    <div className={cn('flex items-center gap-2', className)}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'text-xs font-medium uppercase tracking-wide text-slate-300'}>
        {label}
      </label>
      <select
        id={id}
        className="rounded-md border border-slate-600 bg-slate-800 px-2 py-1 text-sm text-white focus:outline-none focus:ring-2 focus:ring-sky-400 disabled:opacity-60"
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

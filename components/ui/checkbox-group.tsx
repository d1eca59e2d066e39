import { type ReactNode, useId } from 'react';

import { cn } from '@/lib/cn';

export interface CheckboxOption {
  value: string;
  label: ReactNode;
  description?: ReactNode;
}

export interface CheckboxGroupProps {
  legend: string;
  options: CheckboxOption[];
  /** The checked values, in the order they were checked. */
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | null;
  hint?: ReactNode;
  className?: string;
}

/** A fieldset of checkboxes that keeps the order of choice (a NIC order, say), with its hint and error. */
export function CheckboxGroup({ legend, options, value, onChange, error, hint, className }: CheckboxGroupProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  const toggle = (option: string, checked: boolean) =>
    onChange(checked ? [...value.filter((v) => v !== option), option] : value.filter((v) => v !== option));
  return (
    <fieldset aria-describedby={describedBy || undefined} aria-invalid={error ? true : undefined} className={cn('space-y-2', className)}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <ul className={cn('divide-y rounded-md border bg-white', error ? 'border-red-500' : 'border-slate-300')}>
        {options.map((option) => (
          <li key={option.value}>
            <label className="flex cursor-pointer items-start gap-3 px-3 py-2 text-sm hover:bg-slate-50">
              <input
                type="checkbox"
                className="mt-0.5"
                checked={value.includes(option.value)}
                onChange={(e) => toggle(option.value, e.target.checked)}
              />
              <span className="min-w-0">
                <span className="font-medium text-slate-900">{option.label}</span>
                {option.description && <span className="block text-xs text-slate-500">{option.description}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

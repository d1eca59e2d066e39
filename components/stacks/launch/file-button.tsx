'use client';

import { useId } from 'react';

import { readFiles } from './read-files';

/** A keyboard-reachable file chooser that hands back the chosen files' text by name. */
export function FileButton({ label, multiple = false, onFiles }: { label: string; multiple?: boolean; onFiles: (files: Record<string, string>) => void }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium text-sky-800">
        {label}
      </label>
      <input
        id={id}
        type="file"
        multiple={multiple}
        accept=".yaml,.yml,.json,.template,.txt,.sh,text/*"
        className="mt-1 block text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
        onChange={async (event) => {
          const input = event.currentTarget;
          onFiles(await readFiles(input.files));
          input.value = '';
        }}
      />
    </div>
  );
}

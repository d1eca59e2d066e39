'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

import type { ServerListParams } from '@/lib/query/queries';

export const PAGE_SIZES = [20, 50, 100, 500, 1000] as const;

/**
 * The list's state lives in the URL (search, status, page size, all projects, and the markers of the
 * pages before this one), so a reload, a bookmark or the back button shows the same page.
 */
export function useListParams() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const params: ServerListParams & { trail: string[] } = useMemo(() => {
    const limit = Number(search.get('limit'));
    return {
      limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : 50,
      marker: search.get('marker') ?? undefined,
      name: search.get('name') ?? undefined,
      status: search.get('status') ?? undefined,
      all: search.get('all') === '1',
      trail: (search.get('trail') ?? '').split(',').filter(Boolean),
    };
  }, [search]);

  const update = useCallback(
    (changes: Record<string, string | null>, resetPaging = true) => {
      const next = new URLSearchParams(search);
      if (resetPaging) {
        next.delete('marker');
        next.delete('trail');
      }
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
      }
      const text = next.toString();
      router.push(text ? `${pathname}?${text}` : pathname);
    },
    [pathname, router, search],
  );

  const nextPage = (marker: string) =>
    update({ marker, trail: [...params.trail, params.marker ?? ''].join(',') }, false);
  const previousPage = () => {
    const trail = [...params.trail];
    const marker = trail.pop() ?? '';
    update({ marker: marker || null, trail: trail.length ? trail.join(',') : null }, false);
  };

  return { params, update, nextPage, previousPage };
}

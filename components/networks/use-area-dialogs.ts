'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { NETWORK_AREA_KEY } from '@/lib/query/network-queries';

/**
 * Which dialog of a network page is open, and the refresh every change ends with: networks, routers and
 * the topology share one query-key root, so a change on one page is seen on the others.
 */
export function useAreaDialogs<D>() {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<D | null>(null);
  return {
    dialog,
    open: (next: D) => setDialog(next),
    close: () => setDialog(null),
    refresh: () => void queryClient.invalidateQueries({ queryKey: NETWORK_AREA_KEY }),
  };
}

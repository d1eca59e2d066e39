'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { ApiErrorNotice } from '@/components/shell/api-error-notice';

import { PanelSkeleton } from './panel';

/** A list panel's body: the query's error, its data once loaded, or a skeleton while it loads. */
export function QueryPanelBody<T>({
  query,
  skeletonRows,
  children,
}: {
  query: Pick<UseQueryResult<T>, 'isError' | 'error' | 'data'>;
  skeletonRows: number;
  children: (data: T) => ReactNode;
}) {
  if (query.isError && query.error) return <ApiErrorNotice error={query.error} />;
  if (query.data) return <>{children(query.data)}</>;
  return <PanelSkeleton rows={skeletonRows} />;
}

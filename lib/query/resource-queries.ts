import { queryOptions } from '@tanstack/react-query';

import type { FlavorListView } from '../bff/flavors';
import type { ImageListView, ImageRow } from '../bff/images';
import type { ImageSharingView } from '../bff/images-sharing';
import type { KeyPairListView } from '../bff/keypairs';
import type { VolumeFormOptions, VolumeListView } from '../bff/volumes';
import { apiFetch } from './api';
import type { Scope } from './queries';

/**
 * Query factories for the images, flavors, key pairs and volumes pages (kept beside queries.ts so that
 * these pages and the instances pages can change their factories independently).
 */
export type ImageVisibilityFilter = 'all' | 'public' | 'private' | 'shared' | 'community';

export const imagesQuery = (scope: Scope, visibility: ImageVisibilityFilter, marker?: string) =>
  queryOptions({
    queryKey: ['images', scope.projectId, scope.region, visibility, marker ?? null],
    queryFn: () => apiFetch<ImageListView>(`/api/images?visibility=${visibility}${marker ? `&marker=${encodeURIComponent(marker)}` : ''}`),
  });

export const imageQuery = (scope: Scope, id: string) =>
  queryOptions({
    queryKey: ['image', scope.projectId, scope.region, id],
    queryFn: () => apiFetch<ImageRow>(`/api/images/${encodeURIComponent(id)}`),
  });

export const flavorsQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['flavors', scope.projectId, scope.region],
    queryFn: () => apiFetch<FlavorListView>('/api/flavors'),
  });

export const keyPairsQuery = (scope: Scope) =>
  queryOptions({
    // Key pairs belong to the user, but the token (and so the region's Nova) comes with the project.
    queryKey: ['keypairs', scope.projectId, scope.region],
    queryFn: () => apiFetch<KeyPairListView>('/api/keypairs'),
  });

export const volumesQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['volumes', scope.projectId, scope.region],
    queryFn: () => apiFetch<VolumeListView>('/api/volumes'),
  });

export const volumeOptionsQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['volume-options', scope.projectId, scope.region],
    queryFn: () => apiFetch<VolumeFormOptions>('/api/volumes/options'),
  });

export const imageSharingQuery = (scope: Scope, id: string) =>
  queryOptions({
    queryKey: ['image-sharing', scope.projectId, scope.region, id],
    queryFn: () => apiFetch<ImageSharingView>(`/api/images/${encodeURIComponent(id)}/members`),
  });

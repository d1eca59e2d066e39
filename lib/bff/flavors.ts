import 'server-only';

import { OpenStackError } from '../openstack/errors';
import { novaClient } from '../openstack/nova/client';
import {
  type Flavor,
  type FlavorInput,
  addFlavorAccess,
  createFlavor,
  deleteFlavor,
  getFlavor,
  listFlavorAccess,
  listFlavors,
} from '../openstack/nova/flavors';
import type { FlavorValues } from '../validation/flavors';
import { ApiError } from './api-error';
import type { ScopedContext } from './guard';

/** Flavors for everyone; creating, deleting and replacing them is for admins (Nova's default policy). */
export interface FlavorListView {
  flavors: Flavor[];
  canManage: boolean;
}

const nova = (ctx: ScopedContext) => novaClient(ctx.endpoint('compute'), ctx.token);

export async function loadFlavors(ctx: ScopedContext): Promise<FlavorListView> {
  return { flavors: await listFlavors(nova(ctx), { includePrivate: ctx.isAdmin }), canManage: ctx.isAdmin };
}

function requireAdmin(ctx: ScopedContext): void {
  if (!ctx.isAdmin) throw new ApiError({ code: 'admin_only', status: 403, message: 'Only administrators may change flavors' });
}

function toInput(values: FlavorValues): FlavorInput {
  return { ...values, description: values.description || undefined };
}

/** Nova's 409 for a taken name or id belongs next to the name field. */
function nameConflict(error: unknown): never {
  if (error instanceof OpenStackError && error.status === 409) {
    throw new ApiError({
      code: 'flavor.exists',
      status: 409,
      message: error.message,
      service: 'compute',
      requestId: error.requestId,
      fields: { name: 'name_taken' },
    });
  }
  throw error;
}

export async function addFlavor(ctx: ScopedContext, values: FlavorValues): Promise<Flavor> {
  requireAdmin(ctx);
  const client = nova(ctx);
  const created = await createFlavor(client, toInput(values)).catch(nameConflict);
  if (!created.isPublic) for (const projectId of values.projects) await addFlavorAccess(client, created.id, projectId);
  return created;
}

export async function removeFlavor(ctx: ScopedContext, id: string): Promise<void> {
  requireAdmin(ctx);
  await deleteFlavor(nova(ctx), id);
}

/**
 * Nova cannot change a flavor, so "edit" makes a new one with a new ID and deletes the old one. With a new
 * name the new flavor is created first; with the same name the old one must go first (names are unique),
 * and if the new one is then refused the old one is put back under its old ID.
 */
export async function replaceFlavor(ctx: ScopedContext, id: string, values: FlavorValues): Promise<Flavor> {
  requireAdmin(ctx);
  const client = nova(ctx);
  const old = await getFlavor(client, id);
  // A private flavor's projects must keep it: read them before the old flavor (and its access list) goes.
  const access = [...new Set([...(old.isPublic ? [] : await listFlavorAccess(client, old.id)), ...values.projects])];
  const input = toInput(values);
  const shareAgain = async (created: Flavor): Promise<Flavor> => {
    if (!created.isPublic) for (const projectId of access) await addFlavorAccess(client, created.id, projectId);
    return created;
  };
  if (old.name !== input.name) {
    const created = await createFlavor(client, input).catch(nameConflict);
    await deleteFlavor(client, old.id);
    return shareAgain(created);
  }
  await deleteFlavor(client, old.id);
  let created: Flavor;
  try {
    created = await createFlavor(client, input);
  } catch (error) {
    const restored = await createFlavor(client, {
      id: old.id,
      name: old.name,
      vcpus: old.vcpus,
      ramMb: old.ramMb,
      diskGb: old.diskGb,
      ephemeralGb: old.ephemeralGb,
      swapMb: old.swapMb,
      isPublic: old.isPublic,
      description: old.description || undefined,
      extraSpecs: old.extraSpecs,
    }).catch(() => null);
    if (restored) await shareAgain(restored).catch(() => undefined);
    throw error;
  }
  return shareAgain(created);
}

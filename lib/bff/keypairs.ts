import 'server-only';

import { OpenStackError } from '../openstack/errors';
import { novaClient } from '../openstack/nova/client';
import { type CreatedKeyPair, type KeyPair, createKeyPair, deleteKeyPair, listKeyPairs } from '../openstack/nova/keypairs';
import { ApiError } from './api-error';
import type { ScopedContext } from './guard';

/** Key pairs belong to the user; the private key of a generated pair passes through once and is not kept. */
export interface KeyPairListView {
  keyPairs: KeyPair[];
  userName: string;
}

const nova = (ctx: ScopedContext) => novaClient(ctx.endpoint('compute'), ctx.token);

export async function loadKeyPairs(ctx: ScopedContext): Promise<KeyPairListView> {
  return { keyPairs: await listKeyPairs(nova(ctx)), userName: ctx.user.name };
}

function nameTaken(error: unknown): never {
  if (error instanceof OpenStackError && error.status === 409) {
    throw new ApiError({ code: 'keypair.exists', status: 409, message: error.message, service: 'compute', requestId: error.requestId, fields: { name: 'name_taken' } });
  }
  if (error instanceof OpenStackError && error.status === 400 && /public key|keypair data/i.test(error.message)) {
    throw new ApiError({ code: 'keypair.bad_key', status: 400, message: error.message, service: 'compute', requestId: error.requestId, fields: { publicKey: 'key_format' } });
  }
  throw error;
}

export async function generateKeyPair(ctx: ScopedContext, name: string): Promise<CreatedKeyPair> {
  return createKeyPair(nova(ctx), { name }).catch(nameTaken);
}

export async function importKeyPair(ctx: ScopedContext, name: string, publicKey: string): Promise<KeyPair> {
  const { privateKey: _none, ...pair } = await createKeyPair(nova(ctx), { name, publicKey }).catch(nameTaken);
  return pair;
}

export async function removeKeyPair(ctx: ScopedContext, name: string): Promise<void> {
  await deleteKeyPair(nova(ctx), name);
}

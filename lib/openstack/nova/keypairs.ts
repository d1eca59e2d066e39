import 'server-only';

import { type ServiceClient, query } from '../service-client';

/** Nova key pairs: they belong to the user who made them, not to the project. */
export interface KeyPair {
  name: string;
  type: string;
  fingerprint: string;
  publicKey: string;
}

export interface CreatedKeyPair extends KeyPair {
  /** Only when Nova generated the pair; Nova keeps no copy, and neither does Zenith. */
  privateKey: string | null;
}

type Wire = Record<string, unknown>;

export function parseKeyPair(wire: unknown): KeyPair {
  const w = (wire ?? {}) as Wire;
  return {
    name: String(w.name ?? ''),
    type: typeof w.type === 'string' ? w.type : 'ssh',
    fingerprint: typeof w.fingerprint === 'string' ? w.fingerprint : '',
    publicKey: typeof w.public_key === 'string' ? w.public_key : '',
  };
}

/** The list wraps each entry: {"keypairs":[{"keypair":{…}}]}; pages follow keypairs_links (2.35+). */
export async function listKeyPairs(client: ServiceClient): Promise<KeyPair[]> {
  const pairs: KeyPair[] = [];
  let marker: string | undefined;
  for (let page = 0; page < 20; page++) {
    const { body } = await client.call<{ keypairs?: { keypair?: unknown }[]; keypairs_links?: { rel?: string; href?: string }[] }>(
      `/os-keypairs${query({ limit: 500, marker })}`,
    );
    const batch = (body?.keypairs ?? []).map((entry) => parseKeyPair(entry?.keypair));
    pairs.push(...batch);
    const next = body?.keypairs_links?.find((l) => l.rel === 'next')?.href;
    if (!next || batch.length === 0) break;
    marker = new URL(next, 'http://nova.invalid').searchParams.get('marker') ?? undefined;
    if (!marker) break;
  }
  return pairs.sort((a, b) => a.name.localeCompare(b.name));
}

/** Without a public key Nova generates the pair and returns the private key this once. */
export async function createKeyPair(client: ServiceClient, input: { name: string; publicKey?: string; type?: 'ssh' | 'x509' }): Promise<CreatedKeyPair> {
  const { body } = await client.call<{ keypair?: Wire }>('/os-keypairs', {
    method: 'POST',
    body: { keypair: { name: input.name, type: input.type ?? 'ssh', ...(input.publicKey ? { public_key: input.publicKey } : {}) } },
  });
  const privateKey = body?.keypair?.private_key;
  return { ...parseKeyPair(body?.keypair), privateKey: typeof privateKey === 'string' ? privateKey : null };
}

export async function deleteKeyPair(client: ServiceClient, name: string): Promise<void> {
  await client.call(`/os-keypairs/${encodeURIComponent(name)}`, { method: 'DELETE' });
}

import { describe, expect, it } from 'vitest';

import { useFakeService } from '../fake-service';
import { novaClient } from './client';
import { createKeyPair, listKeyPairs } from './keypairs';

const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl demo@example';

const fake = useFakeService();

const client = () => novaClient(`${fake.url}/compute/v2.1`, 'tok');

describe('key pairs', () => {
  it('unwraps the list entries and follows keypairs_links', async () => {
    fake.on('GET /compute/v2.1/os-keypairs?limit=500', {
      status: 200,
      body: {
        keypairs: [{ keypair: { name: 'zeta', type: 'ssh', fingerprint: 'aa:bb', public_key: PUBLIC_KEY } }],
        keypairs_links: [{ rel: 'next', href: 'http://nova/v2.1/os-keypairs?limit=500&marker=zeta' }],
      },
    });
    fake.on('GET /compute/v2.1/os-keypairs?limit=500&marker=zeta', { status: 200, body: { keypairs: [{ keypair: { name: 'alpha', type: 'x509', fingerprint: 'cc', public_key: 'x' } }] } });
    const pairs = await listKeyPairs(client());
    expect(pairs.map((p) => [p.name, p.type])).toEqual([['alpha', 'x509'], ['zeta', 'ssh']]);
  });

  it('returns the private key of a generated pair, and none for an imported one', async () => {
    fake.on('POST /compute/v2.1/os-keypairs', (request) => {
      const sent = JSON.parse(request.body).keypair;
      return {
        status: 201,
        body: { keypair: { name: sent.name, type: 'ssh', fingerprint: 'ff', public_key: sent.public_key ?? 'ssh-rsa AAAA generated', user_id: 'u1', ...(sent.public_key ? {} : { private_key: '-----BEGIN RSA PRIVATE KEY-----\n…' }) } },
      };
    });
    expect((await createKeyPair(client(), { name: 'gen' })).privateKey).toMatch(/^-----BEGIN/);
    const imported = await createKeyPair(client(), { name: 'imp', publicKey: PUBLIC_KEY });
    expect(imported.privateKey).toBeNull();
    expect(JSON.parse(fake.requests[1]!.body)).toEqual({ keypair: { name: 'imp', type: 'ssh', public_key: PUBLIC_KEY } });
  });
});

import { describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import { generateKeyPair, importKeyPair } from './keypairs';

const fake = useFakeService();

describe('key pairs', () => {
  it('put Nova’s "already exists" next to the name', async () => {
    fake.on('POST /compute/v2.1/os-keypairs', { status: 409, body: { conflictingRequest: { code: 409, message: "Key pair 'k' already exists." } } });
    await expect(generateKeyPair(fakeScope(fake.url), 'k')).rejects.toMatchObject({
      payload: { status: 409, fields: { name: 'name_taken' }, requestId: 'req-fake', service: 'compute' },
    });
  });

  it('put Nova’s refusal of a public key next to the key', async () => {
    fake.on('POST /compute/v2.1/os-keypairs', { status: 400, body: { badRequest: { code: 400, message: 'Keypair data is invalid: failed to generate fingerprint' } } });
    await expect(importKeyPair(fakeScope(fake.url), 'k', 'ssh-rsa AAAA')).rejects.toMatchObject({ payload: { fields: { publicKey: 'key_format' } } });
  });

  it('never hand back a private key for an imported pair', async () => {
    fake.on('POST /compute/v2.1/os-keypairs', { status: 201, body: { keypair: { name: 'k', type: 'ssh', fingerprint: 'ff', public_key: 'ssh-ed25519 AAAA', private_key: 'unexpected' } } });
    const pair = await importKeyPair(fakeScope(fake.url), 'k', 'ssh-ed25519 AAAA');
    expect(pair).toEqual({ name: 'k', type: 'ssh', fingerprint: 'ff', publicKey: 'ssh-ed25519 AAAA' });
  });
});

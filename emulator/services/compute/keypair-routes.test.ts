// Nova key pairs: per user, generated or imported, shaped by microversion.

import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { USER_IDS } from '../../seeds/ids';
import { computeCall, useTestCloud } from '../../testing/test-cloud';
import { sshFingerprint } from './ssh-keys';

const cloud = useTestCloud({ build: { seed: 'demo' }, login: true });

const req = (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown, version = '2.1') =>
  computeCall(cloud.app, token, method, url, body, version);

// A real ed25519 public key in OpenSSH form, built from node's key.
function ed25519Line(): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const part = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  const blob = Buffer.concat([part(Buffer.from('ssh-ed25519')), part(raw)]);
  return `ssh-ed25519 ${blob.toString('base64')} me@laptop`;
}

describe('creating', () => {
  it('generates an RSA key pair, returns the private key once, 200 at 2.1 and 201 with type at 2.2', async () => {
    const response = await req(cloud.demo, 'POST', '/os-keypairs', { keypair: { name: 'gen-old' } });
    expect(response.statusCode).toBe(200);
    const { keypair } = response.json();
    expect(keypair.public_key).toMatch(/^ssh-rsa AAAAB3NzaC1yc2E[A-Za-z0-9+/=]+ /);
    expect(keypair.private_key).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(keypair.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    expect(keypair.fingerprint).toBe(sshFingerprint(keypair.public_key));
    expect(keypair.user_id).toBe(USER_IDS.demo);
    expect(keypair).not.toHaveProperty('type');
    const shown = (await req(cloud.demo, 'GET', '/os-keypairs/gen-old')).json().keypair;
    expect(shown).not.toHaveProperty('private_key');

    const v22 = await req(cloud.demo, 'POST', '/os-keypairs', { keypair: { name: 'gen-new', type: 'ssh' } }, '2.2');
    expect(v22.statusCode).toBe(201);
    expect(v22.json().keypair.type).toBe('ssh');
  });

  it('imports a public key, with the fingerprint Nova computes', async () => {
    const line = ed25519Line();
    const blob = Buffer.from(line.split(' ')[1] ?? '', 'base64');
    const expected = createHash('md5').update(blob).digest('hex').match(/../g)?.join(':');
    const response = await req(cloud.demo, 'POST', '/os-keypairs', { keypair: { name: 'imported', public_key: line } }, '2.2');
    expect(response.statusCode).toBe(201);
    expect(response.json().keypair).toMatchObject({ name: 'imported', public_key: line, fingerprint: expected, type: 'ssh' });
    expect(response.json().keypair).not.toHaveProperty('private_key');
  });

  it('refuses garbage keys, bad names, unknown fields and duplicates', async () => {
    const bad = await req(cloud.demo, 'POST', '/os-keypairs', { keypair: { name: 'bad', public_key: 'ssh-rsa notbase64!!' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().badRequest.message).toBe('Keypair data is invalid: failed to generate fingerprint');
    const mismatched = `ssh-rsa ${Buffer.concat([Buffer.from([0, 0, 0, 7]), Buffer.from('ssh-dss')]).toString('base64')}`;
    expect((await req(cloud.demo, 'POST', '/os-keypairs', { keypair: { name: 'bad', public_key: mismatched } })).statusCode).toBe(400);
    expect((await req(cloud.demo, 'POST', '/os-keypairs', { keypair: { name: 'bad/name' } })).statusCode).toBe(400);
    expect((await req(cloud.demo, 'POST', '/os-keypairs', { keypair: { name: '' } })).statusCode).toBe(400);
    expect((await req(cloud.demo, 'POST', '/os-keypairs', { keypair: { name: 'x'.repeat(256) } })).statusCode).toBe(400);
    expect((await req(cloud.demo, 'POST', '/os-keypairs', { keypair: {} })).statusCode).toBe(400);
    expect((await req(cloud.demo, 'POST', '/os-keypairs', { keypair: { name: 'a', type: 'ssh' } })).statusCode).toBe(400);
    expect((await req(cloud.demo, 'POST', '/os-keypairs', { keypair: { name: 'a', type: 'pgp' } }, '2.2')).statusCode).toBe(400);
    expect((await req(cloud.demo, 'POST', '/os-keypairs', {})).statusCode).toBe(400);
    await req(cloud.demo, 'POST', '/os-keypairs', { keypair: { name: 'dup', public_key: ed25519Line() } });
    const dup = await req(cloud.demo, 'POST', '/os-keypairs', { keypair: { name: 'dup', public_key: ed25519Line() } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().conflictingRequest.message).toBe("Key pair 'dup' already exists.");
  });

  it('enforces the key_pairs quota with 403', async () => {
    // The demo seed gives the user key pairs already: the quota cannot go below what is used.
    const held = (await req(cloud.demo, 'GET', '/os-keypairs')).json().keypairs.length;
    const set = await cloud.app.inject({
      method: 'PUT',
      url: '/compute/v2.1/os-quota-sets/a0000000000000000000000000000002',
      headers: { 'x-auth-token': cloud.admin },
      payload: { quota_set: { key_pairs: held } },
    });
    expect(set.statusCode, set.body).toBe(200);
    try {
      const response = await req(cloud.demo, 'POST', '/os-keypairs', { keypair: { name: 'over', public_key: ed25519Line() } });
      expect(response.statusCode).toBe(403);
      expect(response.json().forbidden.message).toBe('Quota exceeded, too many key pairs.');
    } finally {
      await cloud.app.inject({
        method: 'DELETE',
        url: '/compute/v2.1/os-quota-sets/a0000000000000000000000000000002',
        headers: { 'x-auth-token': cloud.admin },
      });
    }
  });
});

describe('listing, showing and deleting', () => {
  it('lists only the caller’s key pairs, in Nova’s nested shape', async () => {
    await req(cloud.admin, 'POST', '/os-keypairs', { keypair: { name: 'admin-key', public_key: ed25519Line() } });
    const list = (await req(cloud.demo, 'GET', '/os-keypairs')).json();
    const names = list.keypairs.map((k: { keypair: { name: string } }) => k.keypair.name);
    expect(names).toContain('imported');
    expect(names).not.toContain('admin-key');
    expect(list.keypairs[0].keypair).toEqual({
      name: expect.any(String),
      public_key: expect.any(String),
      fingerprint: expect.any(String),
    });
    expect((await req(cloud.demo, 'GET', '/os-keypairs/admin-key')).statusCode).toBe(404);
  });

  it('shows the detail with user_id, id and a naive timestamp', async () => {
    const { keypair } = (await req(cloud.demo, 'GET', '/os-keypairs/imported', undefined, '2.2')).json();
    expect(keypair).toMatchObject({ name: 'imported', user_id: USER_IDS.demo, type: 'ssh', deleted: false, deleted_at: null, updated_at: null });
    expect(keypair.id).toEqual(expect.any(Number));
    expect(keypair.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    const missing = await req(cloud.demo, 'GET', '/os-keypairs/none');
    expect(missing.json()).toEqual({ itemNotFound: { code: 404, message: `Keypair none not found for user ${USER_IDS.demo}` } });
  });

  it('lets an cloud.admin name another user from 2.10, and no one else', async () => {
    const byAdmin = (await req(cloud.admin, 'GET', `/os-keypairs?user_id=${USER_IDS.demo}`, undefined, '2.10')).json();
    expect(byAdmin.keypairs.map((k: { keypair: { name: string } }) => k.keypair.name)).toContain('imported');
    const byDemo = await req(cloud.demo, 'GET', `/os-keypairs?user_id=${USER_IDS.admin}`, undefined, '2.10');
    expect(byDemo.statusCode).toBe(403);
    const forDemo = await req(cloud.admin, 'POST', '/os-keypairs', { keypair: { name: 'given', public_key: ed25519Line(), user_id: USER_IDS.demo } }, '2.10');
    expect(forDemo.statusCode).toBe(201);
    expect(forDemo.json().keypair.user_id).toBe(USER_IDS.demo);
    const forNobody = await req(cloud.admin, 'POST', '/os-keypairs', { keypair: { name: 'given', public_key: ed25519Line(), user_id: 'nobody' } }, '2.10');
    expect(forNobody.statusCode).toBe(404);
    const createForOther = await req(cloud.demo, 'POST', '/os-keypairs', { keypair: { name: 'x', user_id: USER_IDS.admin } }, '2.10');
    expect(createForOther.statusCode).toBe(403);
  });

  it('pages from 2.35', async () => {
    const page = (await req(cloud.demo, 'GET', '/os-keypairs?limit=1', undefined, '2.35')).json();
    expect(page.keypairs).toHaveLength(1);
    expect(page.keypairs_links[0].href).toContain(`marker=${page.keypairs[0].keypair.name}`);
    expect((await req(cloud.demo, 'GET', '/os-keypairs?marker=none', undefined, '2.35')).statusCode).toBe(400);
  });

  it('deletes with 202 at 2.1 and 204 from 2.2, then 404', async () => {
    expect((await req(cloud.demo, 'DELETE', '/os-keypairs/gen-old')).statusCode).toBe(202);
    expect((await req(cloud.demo, 'DELETE', '/os-keypairs/gen-new', undefined, '2.2')).statusCode).toBe(204);
    expect((await req(cloud.demo, 'DELETE', '/os-keypairs/gen-new')).statusCode).toBe(404);
    expect((await req(cloud.demo, 'DELETE', '/os-keypairs/admin-key')).statusCode).toBe(404);
  });
});

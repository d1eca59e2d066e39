import { describe, expect, it } from 'vitest';

import { importKeyPairSchema, isOpenSshPublicKey } from './keypairs';

const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl demo@example';

describe('public key format', () => {
  it('accepts an OpenSSH line whose blob names the same type', () => {
    expect(isOpenSshPublicKey(ED25519)).toBe(true);
    expect(isOpenSshPublicKey(ED25519.split(' ').slice(0, 2).join(' '))).toBe(true);
  });

  it('refuses a blob of another type, truncated data, and garbage', () => {
    expect(isOpenSshPublicKey(ED25519.replace('ssh-ed25519', 'ssh-rsa'))).toBe(false);
    expect(isOpenSshPublicKey('ssh-ed25519 AAAAC3NzaC1lZDI1')).toBe(false);
    expect(isOpenSshPublicKey('hello world')).toBe(false);
  });

  it('names the problem for the field', () => {
    const pasted = importKeyPairSchema.safeParse({ name: 'k', publicKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----' });
    expect(pasted.success ? null : pasted.error.issues[0]?.message).toBe('private_key_pasted');
    const badName = importKeyPairSchema.safeParse({ name: 'my key!', publicKey: ED25519 });
    expect(badName.success ? null : badName.error.issues[0]?.message).toBe('name_chars');
  });
});

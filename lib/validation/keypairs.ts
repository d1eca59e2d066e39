import { z } from 'zod';

/** The key pair forms and /api/keypairs share these; messages are i18n keys under "keypairs.errors". */

// Nova before 2.92 allows letters, digits, spaces, underscores and hyphens.
export const keyPairName = z
  .string()
  .trim()
  .min(1, 'name_required')
  .max(255, 'too_long')
  .regex(/^[A-Za-z0-9 _-]+$/, 'name_chars');

const KEY_TYPES = [
  'ssh-rsa',
  'ssh-dss',
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
];

/**
 * An OpenSSH public key line: "<type> <base64 blob> [comment]", where the blob starts with the same type
 * name (a 4-byte length, then the name). Catches pasted private keys, PuTTY files and truncated lines.
 */
export function isOpenSshPublicKey(text: string): boolean {
  const [type, blob, ...rest] = text.trim().split(/\s+/);
  if (!type || !blob || !KEY_TYPES.includes(type) || rest.join(' ').includes('\n')) return false;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(blob) || blob.length % 4 !== 0) return false;
  let bytes: string;
  try {
    bytes = atob(blob);
  } catch {
    return false;
  }
  if (bytes.length < 4 + type.length) return false;
  const length = (bytes.charCodeAt(0) << 24) | (bytes.charCodeAt(1) << 16) | (bytes.charCodeAt(2) << 8) | bytes.charCodeAt(3);
  return length === type.length && bytes.slice(4, 4 + length) === type;
}

export const createKeyPairSchema = z.object({ name: keyPairName });

export const importKeyPairSchema = z.object({
  name: keyPairName,
  publicKey: z
    .string()
    .trim()
    .min(1, 'key_required')
    .max(16_384, 'too_long')
    .refine((text) => !text.includes('PRIVATE KEY'), 'private_key_pasted')
    .refine(isOpenSshPublicKey, 'key_format'),
});

export type ImportKeyPairRequest = z.infer<typeof importKeyPairSchema>;

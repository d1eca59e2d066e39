// OpenSSH public keys as Nova handles them: generating an RSA key pair, checking an imported
// public key, and the fingerprint Nova shows (MD5 of the key blob, colon-separated hex).

import { X509Certificate, createHash, generateKeyPairSync } from 'node:crypto';

const KEY_TYPES = new Set([
  'ssh-rsa',
  'ssh-dss',
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
]);

function sshString(data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, data]);
}

/** An SSH mpint: big-endian, with a leading zero byte when the top bit is set. */
function sshMpint(unsigned: Buffer): Buffer {
  let start = 0;
  while (start < unsigned.length - 1 && unsigned[start] === 0) start += 1;
  const trimmed = unsigned.subarray(start);
  const first = trimmed[0] ?? 0;
  return sshString(first & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

function colonHex(digest: Buffer): string {
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join(':');
}

export function md5Fingerprint(blob: Buffer): string {
  return colonHex(createHash('md5').update(blob).digest());
}

export interface GeneratedKeypair {
  publicKey: string;
  privateKey: string;
  fingerprint: string;
}

/** A fresh RSA 2048 key pair: OpenSSH public key, PEM private key, Nova's fingerprint. */
export function generateSshKeypair(comment: string): GeneratedKeypair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const blob = Buffer.concat([
    sshString(Buffer.from('ssh-rsa')),
    sshMpint(Buffer.from(jwk.e ?? '', 'base64url')),
    sshMpint(Buffer.from(jwk.n ?? '', 'base64url')),
  ]);
  return {
    publicKey: `ssh-rsa ${blob.toString('base64')} ${comment}`,
    privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    fingerprint: md5Fingerprint(blob),
  };
}

/** Reads length-prefixed strings out of an SSH blob; undefined when it is malformed. */
function readStrings(blob: Buffer): Buffer[] | undefined {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < blob.length) {
    if (offset + 4 > blob.length) return undefined;
    const length = blob.readUInt32BE(offset);
    offset += 4;
    if (offset + length > blob.length) return undefined;
    parts.push(blob.subarray(offset, offset + length));
    offset += length;
  }
  return parts;
}

/**
 * The fingerprint of an OpenSSH public key line (`type base64 [comment]`), or undefined when
 * it is not one: unknown type, bad base64, or a blob that does not name the same type.
 */
export function sshFingerprint(line: string): string | undefined {
  const [type, data] = line.trim().split(/\s+/);
  if (type === undefined || data === undefined || !KEY_TYPES.has(type)) return undefined;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return undefined;
  const blob = Buffer.from(data, 'base64');
  const parts = readStrings(blob);
  if (!parts || parts.length < 2 || parts[0]?.toString() !== type) return undefined;
  if (type === 'ssh-rsa' && parts.length !== 3) return undefined;
  if (type === 'ssh-ed25519' && (parts.length !== 2 || parts[1]?.length !== 32)) return undefined;
  return md5Fingerprint(blob);
}

/** Nova's fingerprint of an x509 certificate (SHA-1 of the DER, colon-separated), or undefined. */
export function x509Fingerprint(pem: string): string | undefined {
  try {
    const certificate = new X509Certificate(pem);
    return certificate.fingerprint.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Ed25519 signatures over the manifest bytes. The private key stays with the help-center
 * team (PKCS#8 PEM); the app pins the public key as base64 of its raw 32 bytes, short enough
 * to paste into Settings.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}

export interface FeedKeyPair {
  /** PKCS#8 PEM. */
  privateKeyPem: string;
  /** Base64 of the raw 32-byte public key. */
  publicKey: string;
}

export function generateFeedKeyPair(): FeedKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey: rawPublicKey(publicKey).toString('base64'),
  };
}

function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(SPKI_ED25519_PREFIX.length);
}

export function publicKeyFromBase64(base64: string): KeyObject {
  const raw = Buffer.from(base64.trim(), 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== base64.trim()) {
    throw new KeyError('the feed public key must be the base64 of 32 raw Ed25519 key bytes (44 characters ending in "=")');
  }
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function privateKeyFromPem(pem: string, file: string): KeyObject {
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType ?? 'unknown'} key`);
    return key;
  } catch (error) {
    throw new KeyError(`${file} is not an Ed25519 private key in PEM form (${error instanceof Error ? error.message : String(error)}); create one with "doum feed keygen"`);
  }
}

/** Base64 signature of the bytes. */
export function signBytes(bytes: Uint8Array, privateKey: KeyObject): string {
  return sign(null, bytes, privateKey).toString('base64');
}

export function verifyBytes(bytes: Uint8Array, signatureBase64: string, publicKey: KeyObject): boolean {
  const signature = Buffer.from(signatureBase64.trim(), 'base64');
  if (signature.length !== 64) return false;
  return verify(null, bytes, publicKey, signature);
}

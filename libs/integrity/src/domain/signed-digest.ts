import { type KeyObject } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  buildDigestDocument,
  DIGEST_SIGNATURE_ALGORITHM,
  type DigestDocument,
  type DigestFacts,
  type DigestLink,
} from './digest-document';
import { digestStringToSign, sha256Hex, signDigestString } from './digest-signature';

/** The private half of a Region's signing key, with the fingerprint of its public half. */
export interface DigestSigningKey {
  readonly fingerprint: string;
  readonly privateKey: KeyObject;
}

/** A digest file ready to store: where, what bytes, with which metadata. */
export interface SignedDigest {
  readonly bucket: string;
  readonly key: string;
  readonly document: DigestDocument;
  /** The JSON, UTF-8: what is hashed and signed. */
  readonly uncompressed: Buffer;
  /** The object's body: `uncompressed` as one gzip member. */
  readonly body: Buffer;
  readonly stringToSign: string;
  /** Hex SHA256withRSA signature. */
  readonly signature: string;
  /** User metadata to store with the object (`x-amz-meta-signature`, `x-amz-meta-signature-algorithm`). */
  readonly metadata: { readonly signature: string; readonly 'signature-algorithm': string };
  /** The link the next digest of the chain carries to this one. */
  readonly link: DigestLink;
}

/** Builds, serialises, compresses and signs the digest of `facts` with the Region's key. */
export function createSignedDigest(facts: DigestFacts, key: DigestSigningKey): SignedDigest {
  const document = buildDigestDocument(facts, key.fingerprint);
  const uncompressed = Buffer.from(JSON.stringify(document), 'utf8');
  const stringToSign = digestStringToSign(document, uncompressed);
  const signature = signDigestString(stringToSign, key.privateKey);
  return {
    bucket: document.digestS3Bucket,
    key: document.digestS3Object,
    document,
    uncompressed,
    body: gzipSync(uncompressed),
    stringToSign,
    signature,
    metadata: { signature, 'signature-algorithm': DIGEST_SIGNATURE_ALGORITHM },
    link: {
      bucket: document.digestS3Bucket,
      key: document.digestS3Object,
      sha256: sha256Hex(uncompressed),
      signature,
    },
  };
}

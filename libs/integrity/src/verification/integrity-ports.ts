import { type TimeRange } from '../domain/public-key';

/** An object as the validator reads it: its bytes and its user metadata (`x-amz-meta-<name>` → `<name>`). */
export interface StoredObject {
  readonly body: Buffer;
  readonly metadata: Readonly<Record<string, string>>;
}

/** Read access to the object store holding log and digest files (S3 semantics). */
export interface IntegrityObjectReader {
  /**
   * Keys under `prefix` that sort strictly after `startAfter`, ascending by UTF-8 bytes (S3
   * ListObjects v1 with `prefix` and `marker`). The caller may stop iterating early.
   */
  list(bucket: string, prefix: string, startAfter: string): AsyncIterable<string>;
  /** The object, or null when the key does not exist (S3 `NoSuchKey`). Other failures throw. */
  get(bucket: string, key: string): Promise<StoredObject | null>;
}

export interface VerificationPublicKey {
  readonly fingerprint: string;
  /** PKCS#1 `RSAPublicKey` DER, as ListPublicKeys serves it. */
  readonly publicKeyDer: Buffer;
}

/** ListPublicKeys of a Region: every key whose validity overlaps the range. */
export interface PublicKeyDirectory {
  list(region: string, range: TimeRange): Promise<readonly VerificationPublicKey[]>;
}

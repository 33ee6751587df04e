import { type ChecksumClaim } from './checksums';

/** Representation headers S3 stores with an object and sends back on GET and HEAD. */
export interface ObjectHeaders {
  readonly contentType: string;
  readonly contentEncoding?: string;
  readonly contentDisposition?: string;
  readonly contentLanguage?: string;
  readonly cacheControl?: string;
  /** The Expires header, as sent. */
  readonly expires?: string;
}

/** Everything about an object but its content. */
export interface ObjectHead extends ObjectHeaders {
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  /** Quoted hex MD5, e.g. `"5eb63bbbe01eeed093cb22bb8f5acdc3"`. */
  readonly etag: string;
  readonly lastModified: Date;
  /** `x-amz-meta-*` names (lower case, without the prefix) and values. */
  readonly userMetadata: Readonly<Record<string, string>>;
  /** The additional checksum the upload carried, if any (returned with x-amz-checksum-mode: ENABLED). */
  readonly checksum?: ChecksumClaim;
  /** Unique per write: a reader that fetches the content in pieces checks it did not change. */
  readonly revision: string;
}

/** One object in a listing. */
export interface ObjectSummary {
  readonly key: string;
  readonly size: number;
  readonly etag: string;
  readonly lastModified: Date;
}

/** S3's default content type. */
export const DEFAULT_CONTENT_TYPE = 'binary/octet-stream';

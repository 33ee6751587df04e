import { type CompletedPartClaim, MAX_PART_NUMBER } from './multipart';
import { MalformedXMLError } from './storage.errors';
import { childElements, parseXml, textOf, type ParsedXmlElement } from './xml-parser';

/** S3's limit on keys per DeleteObjects request. */
export const MAX_DELETE_OBJECTS = 1000;

export interface CreateBucketConfiguration {
  /** The Region asked for; undefined when the body or the element is absent (us-east-1). */
  readonly locationConstraint?: string;
}

export interface DeleteObjectsDocument {
  readonly objects: ReadonlyArray<{ readonly key: string; readonly versionId?: string }>;
  /** Quiet mode: the answer lists only the keys that failed. */
  readonly quiet: boolean;
}

/** CreateBucket's optional body `<CreateBucketConfiguration><LocationConstraint>…`. */
export function parseCreateBucketConfiguration(body: Buffer): CreateBucketConfiguration {
  if (body.toString('utf8').trim() === '') return {};
  const root = expectRoot(
    parseXml(body, { maxBytes: 64 * 1024, maxDepth: 8, maxElements: 100 }),
    'CreateBucketConfiguration',
  );
  const constraints = childElements(root, 'LocationConstraint');
  if (constraints.length > 1) throw new MalformedXMLError();
  const constraint = constraints.length === 1 ? textOf(constraints[0]).trim() : '';
  return constraint === '' ? {} : { locationConstraint: constraint };
}

/** DeleteObjects' body `<Delete><Object><Key>…</Key></Object>…<Quiet>true</Quiet></Delete>`: 1 to 1000 keys. */
export function parseDeleteObjects(body: Buffer): DeleteObjectsDocument {
  // Up to 1000 keys of up to 1024 bytes each, escaped: a few MB at most.
  const root = expectRoot(
    parseXml(body, { maxBytes: 8 * 1024 * 1024, maxDepth: 8, maxElements: 4 * MAX_DELETE_OBJECTS + 10 }),
    'Delete',
  );
  const objects = childElements(root, 'Object').map(objectToDelete);
  if (objects.length === 0 || objects.length > MAX_DELETE_OBJECTS) throw new MalformedXMLError();
  const quietElements = childElements(root, 'Quiet');
  if (quietElements.length > 1) throw new MalformedXMLError();
  const quiet = quietElements.length === 1 ? parseBoolean(textOf(quietElements[0])) : false;
  return { objects, quiet };
}

/**
 * CompleteMultipartUpload's body `<CompleteMultipartUpload><Part><PartNumber/><ETag/>…</Part>…`: 1
 * to 10000 parts, in the order given (the use case checks it). Checksum elements are ignored.
 */
export function parseCompleteMultipartUpload(body: Buffer): CompletedPartClaim[] {
  // 10000 parts of a few short elements each (part number, ETag, checksums): a few MB at most.
  const root = expectRoot(
    parseXml(body, { maxBytes: 2 * 1024 * 1024, maxDepth: 8, maxElements: 8 * MAX_PART_NUMBER + 10 }),
    'CompleteMultipartUpload',
  );
  const parts = childElements(root, 'Part').map(completedPart);
  if (parts.length === 0 || parts.length > MAX_PART_NUMBER) throw new MalformedXMLError();
  return parts;
}

function completedPart(element: ParsedXmlElement): CompletedPartClaim {
  const numbers = childElements(element, 'PartNumber');
  const etags = childElements(element, 'ETag');
  if (numbers.length !== 1 || etags.length !== 1) throw new MalformedXMLError();
  const number = textOf(numbers[0]).trim();
  if (!/^\d{1,9}$/.test(number)) throw new MalformedXMLError();
  return { partNumber: Number(number), etag: textOf(etags[0]).trim() };
}

function objectToDelete(element: ParsedXmlElement): { key: string; versionId?: string } {
  const keys = childElements(element, 'Key');
  const versions = childElements(element, 'VersionId');
  if (keys.length !== 1 || versions.length > 1) throw new MalformedXMLError();
  // Keys are taken exactly, whitespace included: " a" and "a" are different objects.
  const key = textOf(keys[0]);
  return versions.length === 1 ? { key, versionId: textOf(versions[0]).trim() } : { key };
}

function parseBoolean(text: string): boolean {
  const value = text.trim().toLowerCase();
  if (value !== 'true' && value !== 'false') throw new MalformedXMLError();
  return value === 'true';
}

function expectRoot(root: ParsedXmlElement, name: string): ParsedXmlElement {
  if (root.name !== name) throw new MalformedXMLError();
  return root;
}

import { type DomainError } from '@app/platform/errors';
import { DEFAULT_BUCKET_REGION } from './bucket';
import {
  type DeleteObjectsResult,
  type ListBucketsResult,
  type ListingEncoding,
  type ListObjectsV1Result,
  type ListObjectsV2Result,
} from './operation-results';
import { type ObjectSummary } from './stored-object';
import {
  optionalElement,
  renderXmlDocument,
  S3_XML_NAMESPACE,
  xmlElement,
  type XmlContent,
  type XmlElement,
} from './xml-writer';

/*
 * S3's XML answers (REST-XML, namespace http://s3.amazonaws.com/doc/2006-03-01/). Times are ISO
 * 8601 with milliseconds, ETags quoted, as S3 writes them.
 */

const ROOT_NAMESPACE = { xmlns: S3_XML_NAMESPACE };
const KEPT = /[A-Za-z0-9\-._~/]/;

/**
 * `encoding-type=url`: every UTF-8 byte but unreserved characters and '/' as %XX (a space is %20,
 * a '+' is %2B), so control characters survive XML and clients that decode with `unquote_plus`
 * (botocore) or `decodeURIComponent` get the key back.
 */
export function encodeListingValue(value: string): string {
  let out = '';
  for (const character of value) {
    if (KEPT.test(character)) out += character;
    else
      for (const byte of Buffer.from(character, 'utf8'))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function encoder(encoding: ListingEncoding | undefined): (value: string) => string {
  return encoding === 'url' ? encodeListingValue : (value) => value;
}

function owner(accountId: string): XmlElement {
  return xmlElement('Owner', [xmlElement('ID', accountId), xmlElement('DisplayName', accountId)]);
}

export function renderListBuckets(result: ListBucketsResult): string {
  return renderXmlDocument(
    xmlElement(
      'ListAllMyBucketsResult',
      [
        owner(result.ownerAccountId),
        xmlElement(
          'Buckets',
          result.buckets.map((bucket) =>
            xmlElement('Bucket', [
              xmlElement('Name', bucket.name),
              xmlElement('CreationDate', bucket.createdAt.toISOString()),
              xmlElement('BucketRegion', bucket.region),
            ]),
          ),
        ),
        optionalElement('Prefix', result.prefix),
        optionalElement('ContinuationToken', result.continuationToken),
      ],
      ROOT_NAMESPACE,
    ),
  );
}

/** GetBucketLocation: empty for us-east-1, as S3 answers (clients read empty as us-east-1). */
export function renderLocationConstraint(region: string): string {
  return renderXmlDocument(
    xmlElement('LocationConstraint', region === DEFAULT_BUCKET_REGION ? '' : region, ROOT_NAMESPACE),
  );
}

function contents(
  objects: readonly ObjectSummary[],
  encode: (v: string) => string,
  ownerAccountId?: string,
): XmlContent {
  return objects.map((object) =>
    xmlElement('Contents', [
      xmlElement('Key', encode(object.key)),
      xmlElement('LastModified', object.lastModified.toISOString()),
      xmlElement('ETag', object.etag),
      xmlElement('Size', object.size),
      ownerAccountId === undefined ? undefined : owner(ownerAccountId),
      xmlElement('StorageClass', 'STANDARD'),
    ]),
  );
}

function commonPrefixes(prefixes: readonly string[], encode: (v: string) => string): XmlContent {
  return prefixes.map((prefix) => xmlElement('CommonPrefixes', xmlElement('Prefix', encode(prefix))));
}

export function renderListObjectsV1(result: ListObjectsV1Result): string {
  const encode = encoder(result.encodingType);
  return renderXmlDocument(
    xmlElement(
      'ListBucketResult',
      [
        xmlElement('Name', result.bucket),
        xmlElement('Prefix', encode(result.prefix)),
        xmlElement('Marker', encode(result.marker)),
        optionalElement(
          'NextMarker',
          result.nextMarker === undefined ? undefined : encode(result.nextMarker),
        ),
        xmlElement('MaxKeys', result.maxKeys),
        optionalElement('Delimiter', result.delimiter === undefined ? undefined : encode(result.delimiter)),
        optionalElement('EncodingType', result.encodingType),
        xmlElement('IsTruncated', result.isTruncated),
        contents(result.contents, encode, result.ownerAccountId),
        commonPrefixes(result.commonPrefixes, encode),
      ],
      ROOT_NAMESPACE,
    ),
  );
}

export function renderListObjectsV2(result: ListObjectsV2Result): string {
  const encode = encoder(result.encodingType);
  return renderXmlDocument(
    xmlElement(
      'ListBucketResult',
      [
        xmlElement('Name', result.bucket),
        xmlElement('Prefix', encode(result.prefix)),
        xmlElement('KeyCount', result.keyCount),
        xmlElement('MaxKeys', result.maxKeys),
        optionalElement('Delimiter', result.delimiter === undefined ? undefined : encode(result.delimiter)),
        optionalElement('EncodingType', result.encodingType),
        xmlElement('IsTruncated', result.isTruncated),
        optionalElement('ContinuationToken', result.continuationToken),
        optionalElement('NextContinuationToken', result.nextContinuationToken),
        optionalElement(
          'StartAfter',
          result.startAfter === undefined ? undefined : encode(result.startAfter),
        ),
        contents(result.contents, encode, result.ownerAccountId),
        commonPrefixes(result.commonPrefixes, encode),
      ],
      ROOT_NAMESPACE,
    ),
  );
}

export function renderDeleteResult(result: DeleteObjectsResult): string {
  return renderXmlDocument(
    xmlElement(
      'DeleteResult',
      [
        result.quiet
          ? undefined
          : result.deleted.map((deleted) =>
              xmlElement('Deleted', [
                xmlElement('Key', deleted.key),
                optionalElement('VersionId', deleted.versionId),
              ]),
            ),
        result.errors.map((error) =>
          xmlElement('Error', [
            xmlElement('Key', error.key),
            xmlElement('Code', error.code),
            xmlElement('Message', error.message),
          ]),
        ),
      ],
      ROOT_NAMESPACE,
    ),
  );
}

/**
 * S3's error document: `<Error><Code/><Message/>…fields…<Resource/><RequestId/></Error>`, where
 * `resource` is the request path (`/bucket/key`) and the error's fields (`BucketName`, `Key` …)
 * come between the message and the resource.
 */
export function renderErrorDocument(
  error: Pick<DomainError, 'code' | 'message' | 'fields'>,
  resource: string,
  requestId: string,
): string {
  return renderXmlDocument(
    xmlElement('Error', [
      xmlElement('Code', error.code),
      xmlElement('Message', error.message),
      Object.entries(error.fields).map(([name, value]) => xmlElement(name, value)),
      xmlElement('Resource', resource),
      xmlElement('RequestId', requestId),
    ]),
  );
}

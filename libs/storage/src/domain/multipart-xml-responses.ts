import {
  type CompleteMultipartUploadResult,
  type ListMultipartUploadsResult,
  type ListPartsResult,
  type MultipartUploadSummary,
} from './operation-results';
import { encodeListingValue } from './s3-xml-responses';
import {
  optionalElement,
  renderXmlDocument,
  S3_XML_NAMESPACE,
  xmlElement,
  type XmlElement,
} from './xml-writer';

/* S3's XML answers of the multipart upload calls (namespace, times and quoted ETags as S3 writes them). */

const ROOT_NAMESPACE = { xmlns: S3_XML_NAMESPACE };

function party(name: 'Initiator' | 'Owner', id: string): XmlElement {
  return xmlElement(name, [xmlElement('ID', id), xmlElement('DisplayName', id)]);
}

export function renderInitiateMultipartUpload(upload: MultipartUploadSummary): string {
  return renderXmlDocument(
    xmlElement(
      'InitiateMultipartUploadResult',
      [
        xmlElement('Bucket', upload.bucket),
        xmlElement('Key', upload.key),
        xmlElement('UploadId', upload.uploadId),
      ],
      ROOT_NAMESPACE,
    ),
  );
}

/** `location` is the object's URL path (`/bucket/key`, path-style as this store serves). */
export function renderCompleteMultipartUpload(
  result: CompleteMultipartUploadResult,
  location: string,
): string {
  return renderXmlDocument(
    xmlElement(
      'CompleteMultipartUploadResult',
      [
        xmlElement('Location', location),
        xmlElement('Bucket', result.bucket),
        xmlElement('Key', result.key),
        xmlElement('ETag', result.etag),
      ],
      ROOT_NAMESPACE,
    ),
  );
}

export function renderListParts(result: ListPartsResult): string {
  return renderXmlDocument(
    xmlElement(
      'ListPartsResult',
      [
        xmlElement('Bucket', result.upload.bucket),
        xmlElement('Key', result.upload.key),
        xmlElement('UploadId', result.upload.uploadId),
        party('Initiator', result.upload.initiator),
        party('Owner', result.ownerAccountId),
        xmlElement('StorageClass', 'STANDARD'),
        xmlElement('PartNumberMarker', result.partNumberMarker),
        optionalElement('NextPartNumberMarker', result.nextPartNumberMarker),
        xmlElement('MaxParts', result.maxParts),
        xmlElement('IsTruncated', result.isTruncated),
        result.parts.map((part) =>
          xmlElement('Part', [
            xmlElement('PartNumber', part.partNumber),
            xmlElement('LastModified', part.lastModified.toISOString()),
            xmlElement('ETag', part.etag),
            xmlElement('Size', part.size),
          ]),
        ),
      ],
      ROOT_NAMESPACE,
    ),
  );
}

export function renderListMultipartUploads(result: ListMultipartUploadsResult): string {
  const encode = result.encodingType === 'url' ? encodeListingValue : (value: string) => value;
  const encoded = (value: string | undefined) => (value === undefined ? undefined : encode(value));
  return renderXmlDocument(
    xmlElement(
      'ListMultipartUploadsResult',
      [
        xmlElement('Bucket', result.bucket),
        xmlElement('KeyMarker', encode(result.keyMarker)),
        xmlElement('UploadIdMarker', result.uploadIdMarker),
        optionalElement('NextKeyMarker', encoded(result.nextKeyMarker)),
        optionalElement('NextUploadIdMarker', result.nextUploadIdMarker),
        xmlElement('Prefix', encode(result.prefix)),
        optionalElement('Delimiter', encoded(result.delimiter)),
        optionalElement('EncodingType', result.encodingType),
        xmlElement('MaxUploads', result.maxUploads),
        xmlElement('IsTruncated', result.isTruncated),
        result.uploads.map((upload) =>
          xmlElement('Upload', [
            xmlElement('Key', encode(upload.key)),
            xmlElement('UploadId', upload.uploadId),
            party('Initiator', upload.initiator),
            party('Owner', result.ownerAccountId),
            xmlElement('StorageClass', 'STANDARD'),
            xmlElement('Initiated', upload.initiated.toISOString()),
          ]),
        ),
        result.commonPrefixes.map((prefix) =>
          xmlElement('CommonPrefixes', xmlElement('Prefix', encode(prefix))),
        ),
      ],
      ROOT_NAMESPACE,
    ),
  );
}

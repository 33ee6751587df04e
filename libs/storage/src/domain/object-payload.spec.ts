import {
  deriveSigningKey,
  parseSignedRequest,
  verifySignature,
  type IncomingSignedRequest,
} from '@app/sigv4';
import { streamingSigningContext } from './chunk-signature';
import { decodeObjectPayload, storedContentEncoding, type ObjectPayloadRequest } from './object-payload';

/*
 * The worked examples of the S3 API reference, "Signature Calculations for the Authorization Header:
 * Transferring Payload in Multiple Chunks" and "Signature calculations for trailing headers": PUT
 * /examplebucket/chunkObject.txt, 66560 bytes of 'a' in chunks of 65536 and 1024 bytes.
 */
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SIGNED_AT = new Date('2013-05-24T00:00:00Z');
const CONTENT = Buffer.alloc(66560, 'a');

const PAYLOAD_EXAMPLE = {
  seed: '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
  signedHeaders:
    'content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class',
  chunks: [
    'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
    '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
    'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
  ],
};
const TRAILER_EXAMPLE = {
  seed: '106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e',
  signedHeaders:
    'content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer',
  chunks: [
    'b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2',
    '1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7',
    '2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992',
  ],
  trailers:
    'x-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435\r\n\r\n',
};

function chunkedBody(signatures: string[], trailers = '\r\n'): Buffer {
  const [first, second, last] = signatures;
  return Buffer.concat([
    Buffer.from(`10000;chunk-signature=${first}\r\n`),
    CONTENT.subarray(0, 65536),
    Buffer.from(`\r\n400;chunk-signature=${second}\r\n`),
    CONTENT.subarray(65536),
    Buffer.from(`\r\n0;chunk-signature=${last}\r\n${trailers}`),
  ]);
}

/** The example request as the server receives it; its header signature is verified with S3's rules. */
function exampleRequest(
  example: typeof PAYLOAD_EXAMPLE,
  mode: string,
  body: Buffer,
  trailer?: string,
): ObjectPayloadRequest {
  const headers: Record<string, string> = {
    host: 's3.amazonaws.com',
    'x-amz-date': '20130524T000000Z',
    'x-amz-storage-class': 'REDUCED_REDUNDANCY',
    authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=${example.signedHeaders},Signature=${example.seed}`,
    'x-amz-content-sha256': mode,
    'content-encoding': 'aws-chunked',
    'x-amz-decoded-content-length': '66560',
    'content-length': '66824',
    ...(trailer === undefined ? {} : { 'x-amz-trailer': trailer }),
  };
  const request: IncomingSignedRequest = {
    method: 'PUT',
    rawPath: '/examplebucket/chunkObject.txt',
    rawQuery: '',
    headers,
    body,
  };
  const parsed = parseSignedRequest(request, { expectedServices: ['s3'] });
  verifySignature(request, parsed, SECRET, { now: SIGNED_AT, s3: true });
  return {
    body,
    contentSha256: mode,
    decodedContentLength: headers['x-amz-decoded-content-length'],
    trailer,
    signing: streamingSigningContext(parsed, deriveSigningKey(SECRET, '20130524', 'us-east-1', 's3')),
  };
}

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('decodeObjectPayload', () => {
  describe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD (AWS example)', () => {
    const mode = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';

    it('verifies the documented chunk signatures and returns the content', () => {
      const body = chunkedBody(PAYLOAD_EXAMPLE.chunks);
      expect(body.length).toBe(66824);
      const decoded = decodeObjectPayload(exampleRequest(PAYLOAD_EXAMPLE, mode, body));
      expect(decoded.bytes.equals(CONTENT)).toBe(true);
      expect(decoded.trailingChecksum).toBeUndefined();
    });

    it('refuses a changed byte, a changed or swapped signature with SignatureDoesNotMatch', () => {
      const tampered = chunkedBody(PAYLOAD_EXAMPLE.chunks);
      tampered[100] = 'b'.charCodeAt(0);
      expect(codeOf(() => decodeObjectPayload(exampleRequest(PAYLOAD_EXAMPLE, mode, tampered)))).toBe(
        'SignatureDoesNotMatch',
      );
      const [a, b, c] = PAYLOAD_EXAMPLE.chunks;
      for (const signatures of [
        [b, a, c],
        [a, b, a],
        [a, b, 'f'.repeat(64)],
      ]) {
        expect(
          codeOf(() => decodeObjectPayload(exampleRequest(PAYLOAD_EXAMPLE, mode, chunkedBody(signatures)))),
        ).toBe('SignatureDoesNotMatch');
      }
    });

    it('refuses a body cut short with IncompleteBody, and a wrong decoded length', () => {
      const body = chunkedBody(PAYLOAD_EXAMPLE.chunks);
      expect(
        codeOf(() => decodeObjectPayload(exampleRequest(PAYLOAD_EXAMPLE, mode, body.subarray(0, 65700)))),
      ).toBe('IncompleteBody');
      const request = exampleRequest(PAYLOAD_EXAMPLE, mode, body);
      expect(codeOf(() => decodeObjectPayload({ ...request, decodedContentLength: '66561' }))).toBe(
        'IncompleteBody',
      );
      expect(codeOf(() => decodeObjectPayload({ ...request, decodedContentLength: '66559' }))).toBe(
        'InvalidArgument',
      );
      expect(codeOf(() => decodeObjectPayload({ ...request, decodedContentLength: undefined }))).toBe(
        'MissingContentLength',
      );
      expect(
        codeOf(() => decodeObjectPayload({ ...request, decodedContentLength: String(64 * 1024 * 1024 + 1) })),
      ).toBe('EntityTooLarge');
    });
  });

  describe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER (AWS example)', () => {
    const mode = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';

    it('verifies the chunk and trailer signatures and returns the trailing checksum', () => {
      const body = chunkedBody(TRAILER_EXAMPLE.chunks, TRAILER_EXAMPLE.trailers);
      const decoded = decodeObjectPayload(
        exampleRequest(TRAILER_EXAMPLE, mode, body, 'x-amz-checksum-crc32c'),
      );
      expect(decoded.bytes.equals(CONTENT)).toBe(true);
      expect(decoded.trailingChecksum).toEqual({ algorithm: 'CRC32C', value: 'sOO8/Q==' });
    });

    it('refuses a changed trailer, a missing trailer signature or an unannounced trailer', () => {
      const changed = TRAILER_EXAMPLE.trailers.replace('sOO8/Q==', 'AAAAAA==');
      const request = (trailers: string, announced = 'x-amz-checksum-crc32c') =>
        exampleRequest(TRAILER_EXAMPLE, mode, chunkedBody(TRAILER_EXAMPLE.chunks, trailers), announced);
      expect(codeOf(() => decodeObjectPayload(request(changed)))).toBe('SignatureDoesNotMatch');
      expect(codeOf(() => decodeObjectPayload(request('x-amz-checksum-crc32c:sOO8/Q==\r\n\r\n')))).toBe(
        'IncompleteBody',
      );
      expect(codeOf(() => decodeObjectPayload(request('\r\n')))).toBe('IncompleteBody');
      const unannounced = { ...request(TRAILER_EXAMPLE.trailers), trailer: 'x-amz-checksum-sha256' };
      expect(codeOf(() => decodeObjectPayload(unannounced))).toBe('InvalidArgument');
    });
  });

  describe('single-piece bodies', () => {
    const body = Buffer.from('hello world');
    const sha256 = 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9';

    it('checks a hex x-amz-content-sha256 against the body', () => {
      expect(decodeObjectPayload({ body, contentSha256: sha256 }).bytes).toBe(body);
      expect(
        codeOf(() => decodeObjectPayload({ body: Buffer.from('hello there'), contentSha256: sha256 })),
      ).toBe('XAmzContentSHA256Mismatch');
    });

    it('takes UNSIGNED-PAYLOAD and presigned bodies as they are', () => {
      expect(decodeObjectPayload({ body, contentSha256: 'UNSIGNED-PAYLOAD' }).bytes).toBe(body);
      expect(decodeObjectPayload({ body }).bytes).toBe(body);
    });

    it('refuses unknown payload forms with InvalidArgument and SigV4a streaming with NotImplemented', () => {
      expect(codeOf(() => decodeObjectPayload({ body, contentSha256: 'nonsense' }))).toBe('InvalidArgument');
      expect(
        codeOf(() =>
          decodeObjectPayload({ body, contentSha256: 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD' }),
        ),
      ).toBe('NotImplemented');
    });

    it('refuses a body over 64 MiB with EntityTooLarge', () => {
      const oversized = { length: 64 * 1024 * 1024 + 1 } as Buffer;
      expect(codeOf(() => decodeObjectPayload({ body: oversized }))).toBe('EntityTooLarge');
      expect(codeOf(() => decodeObjectPayload({ body: oversized, contentSha256: 'UNSIGNED-PAYLOAD' }))).toBe(
        'EntityTooLarge',
      );
    });
  });
});

describe('storedContentEncoding', () => {
  it('drops aws-chunked and keeps the real codings', () => {
    expect(storedContentEncoding('aws-chunked')).toBeUndefined();
    expect(storedContentEncoding('aws-chunked, gzip')).toBe('gzip');
    expect(storedContentEncoding('gzip')).toBe('gzip');
    expect(storedContentEncoding(undefined)).toBeUndefined();
  });
});

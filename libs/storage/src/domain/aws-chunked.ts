import { EntityTooLargeError, IncompleteBodyError, InvalidArgumentError } from './storage.errors';

/** One chunk of an `aws-chunked` body: a view into the body, and its signature when signed. */
export interface AwsChunk {
  readonly data: Buffer;
  readonly signature?: string;
}

/** A decoded `aws-chunked` body: the data chunks, the final empty chunk's signature, the trailers. */
export interface AwsChunkedBody {
  readonly chunks: readonly AwsChunk[];
  readonly decodedLength: number;
  /** `chunk-signature` of the final zero-length chunk (signed bodies only). */
  readonly finalSignature?: string;
  /** Trailing headers in the order sent, names lower-cased, values trimmed. */
  readonly trailers: ReadonlyArray<readonly [string, string]>;
}

export interface AwsChunkedOptions {
  /** Every chunk header must carry `;chunk-signature=<64 hex>`. */
  readonly signed: boolean;
  /** Largest decoded size accepted (EntityTooLarge beyond). */
  readonly maxDecodedLength: number;
}

const CRLF = Buffer.from('\r\n');
/** Longest chunk header or trailer line accepted: a size, a signature and some slack. */
const MAX_LINE = 4096;
const CHUNK_HEADER = /^([0-9a-fA-F]{1,16})((?:;[^;]*)*)$/;
const CHUNK_SIGNATURE = /^;chunk-signature=([0-9a-f]{64})$/;

function malformed(reason: string): InvalidArgumentError {
  return new InvalidArgumentError(`The aws-chunked body is malformed: ${reason}.`);
}

/**
 * Parses `<hex size>[;chunk-signature=<sig>]\r\n<data>\r\n` … `0[;chunk-signature=<sig>]\r\n`,
 * then trailing `name:value\r\n` lines up to an empty line (or the end of the body). Data chunks
 * are views into `body`, not copies.
 *
 * @throws IncompleteBodyError when the body ends inside a chunk or before the final chunk.
 * @throws InvalidArgumentError when the framing is malformed.
 * @throws EntityTooLargeError past `maxDecodedLength`, before reading further.
 */
export function parseAwsChunked(body: Buffer, options: AwsChunkedOptions): AwsChunkedBody {
  const chunks: AwsChunk[] = [];
  let offset = 0;
  let decodedLength = 0;
  for (;;) {
    const { line, next } = readLine(body, offset);
    const header = CHUNK_HEADER.exec(line);
    if (!header) throw malformed('a chunk header is not a hexadecimal size');
    const size = parseInt(header[1], 16);
    const signature = chunkSignatureOf(header[2], options.signed);
    decodedLength += size;
    if (decodedLength > options.maxDecodedLength) {
      throw new EntityTooLargeError(decodedLength, options.maxDecodedLength);
    }
    if (size === 0) {
      return { chunks, decodedLength, finalSignature: signature, trailers: readTrailers(body, next) };
    }
    const end = next + size;
    if (end + CRLF.length > body.length) throw new IncompleteBodyError();
    if (body[end] !== 0x0d || body[end + 1] !== 0x0a) throw malformed('a chunk is longer than its size');
    chunks.push({ data: body.subarray(next, end), signature });
    offset = end + CRLF.length;
  }
}

function chunkSignatureOf(extensions: string, signed: boolean): string | undefined {
  if (!signed) return undefined;
  const match = CHUNK_SIGNATURE.exec(extensions);
  if (!match) throw malformed('a chunk has no chunk-signature');
  return match[1];
}

function readLine(body: Buffer, offset: number): { line: string; next: number } {
  const end = body.indexOf(CRLF, offset);
  if (end < 0) {
    if (body.length - offset > MAX_LINE) throw malformed('a line is too long');
    throw new IncompleteBodyError();
  }
  if (end - offset > MAX_LINE) throw malformed('a line is too long');
  return { line: body.toString('latin1', offset, end), next: end + CRLF.length };
}

/** Trailer lines after the final chunk; a body may end after the last one without an empty line. */
function readTrailers(body: Buffer, start: number): Array<[string, string]> {
  const trailers: Array<[string, string]> = [];
  let offset = start;
  while (offset < body.length) {
    const end = body.indexOf(CRLF, offset);
    const lineEnd = end < 0 ? body.length : end;
    if (lineEnd - offset > MAX_LINE) throw malformed('a line is too long');
    const line = body.toString('latin1', offset, lineEnd);
    offset = end < 0 ? body.length : end + CRLF.length;
    if (line === '') {
      if (offset !== body.length) throw malformed('data follows the trailing headers');
      break;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformed('a trailing header has no name');
    trailers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
  }
  return trailers;
}

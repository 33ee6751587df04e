import { createHash } from 'node:crypto';
import { constants, crc32, deflateRawSync, type ZlibOptions } from 'node:zlib';

/** ID1 ID2, CM = deflate, no flags, no mtime, XFL 0, OS = Unix (RFC 1952). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]);
export const GZIP_HEADER_BYTES = GZIP_HEADER.length;
/** CRC-32 and ISIZE, four bytes each. */
export const GZIP_TRAILER_BYTES = 8;
/** Deflate looks back at most 32 KiB: what a chunk may refer to in the data before it. */
const DEFLATE_WINDOW_BYTES = 32 * 1024;

/**
 * At most how many bytes deflate turns `n` bytes into, sync-flush or final block included: zlib's
 * conservative `deflateBound` with room to spare. Zero bytes still to compress add nothing.
 */
export function deflateBound(n: number): number {
  return n === 0 ? 0 : n + (n >> 3) + (n >> 6) + 64;
}

export interface GzipMember {
  readonly body: Buffer;
  readonly uncompressedSha256: string;
}

/**
 * One gzip member written incrementally, so that the uncompressed data is never held whole: written
 * bytes wait until `chunkBytes` of them are pending, then are deflated
 * into raw deflate blocks ending on a byte boundary (sync flush), with the previous 32 KiB as preset
 * dictionary, so the chunks form ONE deflate stream (pigz's method). After a flush the compressed
 * size so far is exact, which is how the log file builder keeps a file under its limit.
 */
export class GzipMemberWriter {
  private readonly output: Buffer[] = [GZIP_HEADER];
  private compressed = GZIP_HEADER.length;
  /** Record text stays a string until its chunk is deflated: one UTF-8 encoding per chunk, not per write. */
  private pending: Array<Buffer | string> = [];
  private pendingLength = 0;
  private window = Buffer.alloc(0);
  private crc = 0;
  private uncompressed = 0;
  private readonly sha256 = createHash('sha256');

  constructor(private readonly chunkBytes: number) {}

  /** Bytes of gzip output so far (header and flushed blocks). */
  get compressedBytes(): number {
    return this.compressed;
  }

  /** Bytes written but not yet deflated. */
  get pendingBytes(): number {
    return this.pendingLength;
  }

  /** Writes bytes, or text as UTF-8. */
  write(bytes: Buffer | string): void {
    this.pending.push(bytes);
    this.pendingLength += typeof bytes === 'string' ? Buffer.byteLength(bytes, 'utf8') : bytes.length;
    if (this.pendingLength >= this.chunkBytes) this.flush();
  }

  /** Deflates what is pending, so that `compressedBytes` is exact. */
  flush(): void {
    if (this.pendingLength > 0) this.deflatePending(constants.Z_SYNC_FLUSH);
  }

  /**
   * The whole member (header, deflate stream ended by a final block, CRC-32 and size) and the
   * lowercase hex SHA-256 of the uncompressed bytes. Call once.
   */
  finish(): GzipMember {
    const chunk = this.takePending(constants.Z_FINISH);
    return this.close(deflateRawSync(chunk.input, chunk.options));
  }

  private close(lastBlocks: Buffer): GzipMember {
    this.push(lastBlocks);
    const trailer = Buffer.alloc(GZIP_TRAILER_BYTES);
    trailer.writeUInt32LE(this.crc, 0);
    trailer.writeUInt32LE(this.uncompressed % 2 ** 32, 4);
    this.output.push(trailer);
    return {
      body: Buffer.concat(this.output, this.compressed + GZIP_TRAILER_BYTES),
      uncompressedSha256: this.sha256.digest('hex'),
    };
  }

  private deflatePending(finishFlush: number): void {
    const chunk = this.takePending(finishFlush);
    this.push(deflateRawSync(chunk.input, chunk.options));
  }

  private push(blocks: Buffer): void {
    this.output.push(blocks);
    this.compressed += blocks.length;
  }

  /** The pending bytes as the next chunk to deflate, checksummed, with the options that chain it. */
  private takePending(finishFlush: number): { input: Buffer; options: ZlibOptions } {
    const input = this.pendingInput();
    // Checksums per chunk, not per write: hashing many small buffers costs more than deflating them.
    this.crc = crc32(input, this.crc);
    this.sha256.update(input);
    this.uncompressed += input.length;
    const options: ZlibOptions =
      this.window.length > 0 ? { finishFlush, dictionary: this.window } : { finishFlush };
    // The last chunk needs no dictionary after it.
    if (finishFlush !== constants.Z_FINISH) {
      this.window = Buffer.from(
        Buffer.concat([this.window, input.subarray(-DEFLATE_WINDOW_BYTES)]).subarray(-DEFLATE_WINDOW_BYTES),
      );
    }
    this.pending = [];
    this.pendingLength = 0;
    return { input, options };
  }

  private pendingInput(): Buffer {
    if (this.pending.every((part) => typeof part === 'string')) {
      return Buffer.from(this.pending.join(''), 'utf8');
    }
    const parts = this.pending.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part));
    return Buffer.concat(parts, this.pendingLength);
  }
}

import {
  deflateBound,
  GZIP_HEADER_BYTES,
  GZIP_TRAILER_BYTES,
  type GzipMember,
  GzipMemberWriter,
} from './gzip-member';
import { type LogFileLocation, logFileKey, randomLogFileSuffix } from '@app/trails';

/** "At most 50 MB compressed per file" (delivery.md §3), read as 10^6 bytes so both readings hold. */
export const MAX_LOG_FILE_COMPRESSED_BYTES = 50_000_000;
/** Uncompressed bytes deflated at a time: bounds the memory a file in progress holds besides its output. */
export const LOG_FILE_CHUNK_BYTES = 1024 * 1024;

const OPENING = '{"Records":[';
const SEPARATOR = ',';
const CLOSING = ']}';

/** A CloudTrail record as LookupEvents returns it; only its time is read, the rest is copied. */
export interface LogRecord {
  /** ISO-8601 UTC, `2024-05-01T12:00:00Z`. */
  readonly eventTime: string;
}

export interface LogFileOptions {
  readonly location: LogFileLocation;
  /** Dates the key (UTC); a file delivered at a time may hold records of any earlier time. */
  readonly deliveredAt: Date;
  readonly maxCompressedBytes?: number;
  readonly chunkBytes?: number;
  /** The key's 16 alphanumerics; random unless a test fixes them. */
  readonly randomSuffix?: () => string;
}

/** One log file ready to store, with what its digest entry needs (delivery.md §4). */
export interface LogFile {
  readonly key: string;
  /** One gzip member holding UTF-8 `{"Records":[…]}`. */
  readonly body: Buffer;
  /** Lowercase hex SHA-256 of the uncompressed JSON (the digest's `hashValue`). */
  readonly uncompressedSha256: string;
  readonly recordCount: number;
  readonly newestEventTime: Date;
  readonly oldestEventTime: Date;
}

/** The file being written: its gzip member and the record times seen. */
interface OpenFile {
  readonly gzip: GzipMemberWriter;
  recordCount: number;
  newest: number;
  oldest: number;
}

/**
 * Packs records, in order, into log files of at most `maxCompressedBytes` gzip bytes each. Feed it
 * records one at a time (from an array or a database cursor alike): `add` hands back a finished
 * file whenever the record does not fit in the current one, `finish` the last one. Memory holds one
 * file's compressed output and at most `chunkBytes` (plus a record) of uncompressed JSON.
 */
export class LogFileBuilder {
  private readonly maxCompressedBytes: number;
  private readonly chunkBytes: number;
  private readonly randomSuffix: () => string;
  private file: OpenFile | undefined;

  constructor(private readonly options: LogFileOptions) {
    this.maxCompressedBytes = options.maxCompressedBytes ?? MAX_LOG_FILE_COMPRESSED_BYTES;
    this.chunkBytes = options.chunkBytes ?? LOG_FILE_CHUNK_BYTES;
    this.randomSuffix = options.randomSuffix ?? randomLogFileSuffix;
  }

  /**
   * Adds `record`; returns the file it closed to make room, if any. A record that cannot fit even
   * alone in a file is refused with a `RangeError` (§7 caps records at 256 KB, far below 50 MB).
   */
  add(record: LogRecord): LogFile | undefined {
    return this.addJson(record.eventTime, JSON.stringify(record));
  }

  /** Adds a record given as its JSON text (as the event history stores it) and its `eventTime`. */
  addJson(eventTime: string | Date, text: string): LogFile | undefined {
    const bytes = Buffer.byteLength(text, 'utf8');
    const time = typeof eventTime === 'string' ? Date.parse(eventTime) : eventTime.getTime();
    if (!this.fitsInEmptyFile(OPENING.length + bytes)) {
      throw new RangeError(
        `A record of ${bytes} bytes does not fit in a log file of at most ${this.maxCompressedBytes} compressed bytes.`,
      );
    }
    if (this.file !== undefined && this.fits(this.file, SEPARATOR.length + bytes)) {
      this.append(this.file, SEPARATOR, text, time);
      return undefined;
    }
    const closed = this.finish();
    this.append(this.open(), OPENING, text, time);
    return closed;
  }

  /** Closes the current file and returns it; nothing when no record was added since the last one. */
  finish(): LogFile | undefined {
    const file = this.close();
    return file && this.logFile(file, file.gzip.finish());
  }

  private close(): OpenFile | undefined {
    const file = this.file;
    if (file === undefined) return undefined;
    this.file = undefined;
    file.gzip.write(CLOSING);
    return file;
  }

  private logFile(file: OpenFile, { body, uncompressedSha256 }: GzipMember): LogFile {
    return {
      key: logFileKey(this.options.location, this.options.deliveredAt, this.randomSuffix()),
      body,
      uncompressedSha256,
      recordCount: file.recordCount,
      newestEventTime: new Date(file.newest),
      oldestEventTime: new Date(file.oldest),
    };
  }

  private open(): OpenFile {
    this.file = {
      gzip: new GzipMemberWriter(this.chunkBytes),
      recordCount: 0,
      newest: -Infinity,
      oldest: Infinity,
    };
    return this.file;
  }

  private fitsInEmptyFile(bytes: number): boolean {
    return this.closedSize(GZIP_HEADER_BYTES, bytes) <= this.maxCompressedBytes;
  }

  /**
   * Whether `bytes` more can be written and the file still closed within the limit. The pending
   * bytes' compressed size is only bounded; when the bound says no, deflating them makes it exact.
   */
  private fits(file: OpenFile, bytes: number): boolean {
    const fitsAfter = () =>
      this.closedSize(file.gzip.compressedBytes, file.gzip.pendingBytes + bytes) <= this.maxCompressedBytes;
    if (fitsAfter()) return true;
    file.gzip.flush();
    return fitsAfter();
  }

  /** At most how large a file closes with `compressed` bytes out and `pending` still to deflate. */
  private closedSize(compressed: number, pending: number): number {
    return compressed + deflateBound(pending) + deflateBound(CLOSING.length) + GZIP_TRAILER_BYTES;
  }

  private append(file: OpenFile, before: string, json: string, time: number): void {
    file.gzip.write(before);
    file.gzip.write(json);
    file.recordCount += 1;
    file.newest = Math.max(file.newest, time);
    file.oldest = Math.min(file.oldest, time);
  }
}

/** All of `records` as log files, in order (none for no records). */
export function buildLogFiles(records: Iterable<LogRecord>, options: LogFileOptions): LogFile[] {
  const builder = new LogFileBuilder(options);
  const files: LogFile[] = [];
  for (const record of records) {
    const closed = builder.add(record);
    if (closed !== undefined) files.push(closed);
  }
  const last = builder.finish();
  return last === undefined ? files : [...files, last];
}

/** One CloudTrail record of a log file; the table reads these fields, the rest shows as JSON. */
export interface LogRecord {
  readonly eventTime?: string;
  readonly eventName?: string;
  readonly eventSource?: string;
  readonly awsRegion?: string;
  readonly recipientAccountId?: string;
  readonly errorCode?: string;
  readonly userIdentity?: {
    readonly type?: string;
    readonly arn?: string;
    readonly userName?: string;
    readonly accountId?: string;
    readonly invokedBy?: string;
  };
  readonly [field: string]: unknown;
}

/**
 * The records of a delivered log file (gzip of `{"Records":[…]}`). Files stored with
 * `Content-Encoding: gzip` arrive already inflated by the browser, so only bytes that still start
 * with gzip's magic number are inflated here.
 */
export async function logRecords(bytes: ArrayBuffer): Promise<LogRecord[]> {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  const text = gzipped
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
    : new TextDecoder().decode(bytes);
  const document = JSON.parse(text) as { Records?: LogRecord[] };
  if (!Array.isArray(document.Records)) throw new Error('This file holds no CloudTrail records.');
  return document.Records;
}

/** Who made the call, as briefly as the record says it. */
export function callerOf(record: LogRecord): string {
  const identity = record.userIdentity;
  return identity?.userName ?? identity?.arn ?? identity?.invokedBy ?? identity?.type ?? '—';
}

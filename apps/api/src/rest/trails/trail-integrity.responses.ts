import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type TrailIntegrity } from '@app/delivery';
import { type PublicKeyRecord, type ValidationEntry } from '@app/integrity';

export class PublicKeyResponse {
  @ApiProperty({ description: 'Base64 of the PKCS#1 RSAPublicKey DER' }) value!: string;
  @ApiProperty({ description: 'Lowercase hex MD5 of the DER bytes' }) fingerprint!: string;
  @ApiProperty({ type: String, format: 'date-time' }) validityStartTime!: string;
  @ApiProperty({ type: String, format: 'date-time' }) validityEndTime!: string;
}

export class PublicKeyListResponse {
  @ApiProperty({ type: [PublicKeyResponse] }) publicKeys!: PublicKeyResponse[];
}

class TimeRangeResponse {
  @ApiProperty({ type: String, format: 'date-time' }) start!: string;
  @ApiProperty({ type: String, format: 'date-time' }) end!: string;
}

class ValidityCountResponse {
  @ApiProperty() valid!: number;
  @ApiProperty() invalid!: number;
}

/** A file's verdict (`kind` digest, backfill-digest or log), or a gap in the chain (`kind` gap). */
class IntegrityEntryResponse {
  @ApiProperty({ enum: ['digest', 'backfill-digest', 'log', 'gap'] }) kind!: string;
  @ApiPropertyOptional() bucket?: string;
  @ApiPropertyOptional() key?: string;
  @ApiPropertyOptional({ enum: ['valid', 'invalid'] }) status?: string;
  @ApiPropertyOptional({ description: 'Why the file is invalid (not-found, hash-mismatch, moved, …)' })
  reason?: string;
  @ApiPropertyOptional({ description: 'The verdict as validate-logs prints it' }) verdict?: string;
  @ApiPropertyOptional({ description: 'For a gap: digests of the chain that restarted' }) chain?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) from?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) to?: string;
}

class LinkMismatchResponse {
  @ApiProperty() bucket!: string;
  @ApiProperty() key!: string;
  @ApiProperty() linkedFromKey!: string;
  @ApiProperty({ enum: ['hash', 'signature'] }) mismatch!: string;
}

class ValidateLogsOutputResponse {
  @ApiProperty() stdout!: string;
  @ApiProperty() stderr!: string;
  @ApiProperty({ enum: [0, 1, 255] }) exitCode!: number;
}

export class TrailIntegrityResponse {
  @ApiProperty() trailArn!: string;
  @ApiProperty() accountId!: string;
  @ApiProperty() region!: string;
  @ApiProperty({ description: 'Nothing invalid and nothing aborted (validate-logs exits 0)' })
  valid!: boolean;
  @ApiProperty() requested!: TimeRangeResponse;
  @ApiPropertyOptional({ type: TimeRangeResponse, nullable: true }) found!: TimeRangeResponse | null;
  @ApiProperty() digests!: ValidityCountResponse;
  @ApiProperty() backfillDigests!: ValidityCountResponse;
  @ApiProperty() logs!: ValidityCountResponse;
  @ApiProperty({ type: [IntegrityEntryResponse] }) entries!: IntegrityEntryResponse[];
  @ApiProperty({ type: [LinkMismatchResponse], description: 'Valid digests that differ from their link' })
  linkMismatches!: readonly LinkMismatchResponse[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why validation could not run' })
  abortedWith!: string | null;
  @ApiProperty({ description: 'What `aws cloudtrail validate-logs --verbose` prints, and its exit code' })
  validateLogsOutput!: ValidateLogsOutputResponse;
}

function toTimeRange(range: { start: Date; end: Date }): TimeRangeResponse {
  return { start: range.start.toISOString(), end: range.end.toISOString() };
}

function toEntryResponse(entry: ValidationEntry): IntegrityEntryResponse {
  if (entry.kind === 'gap') {
    return { kind: 'gap', chain: entry.chain, from: entry.from.toISOString(), to: entry.to.toISOString() };
  }
  const { kind, bucket, key, status, reason, verdict } = entry;
  return { kind, bucket, key, status, reason: reason ?? undefined, verdict };
}

export function toIntegrityResponse({
  trailArn,
  accountId,
  region,
  report,
  output,
}: TrailIntegrity): TrailIntegrityResponse {
  return {
    trailArn,
    accountId,
    region,
    valid: report.valid,
    requested: toTimeRange(report.requested),
    found: report.found && toTimeRange(report.found),
    digests: report.digests,
    backfillDigests: report.backfillDigests,
    logs: report.logs,
    entries: report.entries.map(toEntryResponse),
    linkMismatches: report.linkMismatches,
    abortedWith: report.abortedWith,
    validateLogsOutput: output,
  };
}

export function toPublicKeyResponse(key: PublicKeyRecord): PublicKeyResponse {
  return {
    value: key.publicKeyDer.toString('base64'),
    fingerprint: key.fingerprint,
    validityStartTime: key.validityStartTime.toISOString(),
    validityEndTime: key.validityEndTime.toISOString(),
  };
}

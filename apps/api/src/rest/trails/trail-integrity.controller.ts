import { Controller, Get, Req } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { GetTrailIntegrity, type TrailIntegrity } from '@app/delivery';
import { ListPublicKeys, type ValidationEntry } from '@app/integrity';
import { type FastifyRequest } from 'fastify';
import { queryTime, RestOperation, RestOperations } from '../rest-operations';

function toEntryResponse(entry: ValidationEntry): Record<string, unknown> {
  if (entry.kind === 'gap') {
    return { kind: 'gap', chain: entry.chain, from: entry.from.toISOString(), to: entry.to.toISOString() };
  }
  const { kind, bucket, key, status, reason, verdict } = entry;
  return { kind, bucket, key, status, reason, verdict };
}

function toIntegrityResponse({
  trailArn,
  accountId,
  region,
  report,
  output,
}: TrailIntegrity): Record<string, unknown> {
  return {
    trailArn,
    accountId,
    region,
    valid: report.valid,
    requested: { start: report.requested.start.toISOString(), end: report.requested.end.toISOString() },
    found: report.found && { start: report.found.start.toISOString(), end: report.found.end.toISOString() },
    digests: report.digests,
    backfillDigests: report.backfillDigests,
    logs: report.logs,
    entries: report.entries.map(toEntryResponse),
    linkMismatches: report.linkMismatches,
    abortedWith: report.abortedWith,
    validateLogsOutput: output,
  };
}

/** Log file integrity over REST: the Region's public keys and the server-side chain check. */
@ApiTags('trails')
@Controller('v1')
export class TrailIntegrityController {
  constructor(private readonly rest: RestOperations) {}

  @Get('trails/:trail/integrity')
  @RestOperation(
    GetTrailIntegrity,
    'Verifies the trail’s digests and log files as `aws cloudtrail validate-logs` does (signatures, hashes, missing and moved files, gaps): `startTime` (ISO-8601, required), `endTime` (default now), `accountId` (an organization trail’s member; a member account gets its own) and `region` (default the trail’s home). Answers each file’s verdict, the counts, and what the CLI would print with its exit code.',
  )
  @ApiParam({ name: 'trail', description: 'Trail name, or URL-encoded trail ARN' })
  integrity(@Req() request: FastifyRequest): Promise<Record<string, unknown>> {
    return this.rest.run(
      request,
      GetTrailIntegrity,
      ({ params, query }) => ({
        name: params.trail,
        accountId: query.accountId,
        region: query.region,
        startTime: queryTime(query.startTime),
        endTime: queryTime(query.endTime),
      }),
      toIntegrityResponse,
    );
  }

  @Get('public-keys')
  @RestOperation(
    ListPublicKeys,
    'The called Region’s digest signing public keys whose validity overlaps `startTime`–`endTime` (ISO-8601, each defaulting to now): base64 PKCS#1 DER `value`, MD5 `fingerprint`, validity.',
  )
  publicKeys(@Req() request: FastifyRequest): Promise<{ publicKeys: Array<Record<string, unknown>> }> {
    return this.rest.run(
      request,
      ListPublicKeys,
      ({ query }) => ({ startTime: queryTime(query.startTime), endTime: queryTime(query.endTime) }),
      (output) => ({
        publicKeys: output.publicKeyList.map((key) => ({
          value: key.publicKeyDer.toString('base64'),
          fingerprint: key.fingerprint,
          validityStartTime: key.validityStartTime.toISOString(),
          validityEndTime: key.validityEndTime.toISOString(),
        })),
      }),
    );
  }
}

import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetTrailIntegrity } from '@app/delivery';
import { ListPublicKeys } from '@app/integrity';
import { type FastifyRequest } from 'fastify';
import { queryTime, RestOperation, RestOperations } from '../rest-operations';
import { LOOKUP_RULES, TRAIL_PATH } from './trail-docs';
import {
  PublicKeyListResponse,
  toIntegrityResponse,
  toPublicKeyResponse,
  TrailIntegrityResponse,
} from './trail-integrity.responses';

/** Log file integrity over REST: the Region's public keys and the server-side chain check. */
@ApiTags('trails')
@Controller('v1')
export class TrailIntegrityController {
  constructor(private readonly rest: RestOperations) {}

  @Get('trails/:trail/integrity')
  @RestOperation(GetTrailIntegrity, {
    summary: "verify a trail's digests and log files",
    description:
      "Trailplane's own read: checks the trail's digest chain and log files as `aws cloudtrail " +
      'validate-logs` does (signatures, digest and log file hashes, missing and moved files, gaps) and ' +
      'answers each file’s verdict, the counts, and what the CLI would print with its exit code. ' +
      'The chain is one account’s (the caller’s own for a member account) in one Region (the trail’s ' +
      `home by default). ${LOOKUP_RULES}`,
    path: TRAIL_PATH,
    query: [
      { name: 'startTime', required: true, description: 'ISO-8601: the first digest time to verify' },
      { name: 'endTime', required: false, description: 'ISO-8601; default now' },
      {
        name: 'accountId',
        required: false,
        description: 'Whose files: an organization trail member (default the caller)',
      },
      { name: 'region', required: false, description: 'Whose Region’s files (default the trail’s home)' },
    ],
  })
  @ApiOkResponse({ type: TrailIntegrityResponse })
  integrity(@Req() request: FastifyRequest): Promise<TrailIntegrityResponse> {
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
  @RestOperation(ListPublicKeys, {
    summary: "list the called Region's digest signing public keys",
    description:
      'The public keys whose validity overlaps `startTime`–`endTime` (each defaulting to now; an end ' +
      'in the future is fine): base64 PKCS#1 `RSAPublicKey` DER, its MD5 fingerprint (the ' +
      '`digestPublicKeyFingerprint` of the digests it verifies) and validity.',
    query: [
      { name: 'startTime', required: false, description: 'ISO-8601' },
      { name: 'endTime', required: false, description: 'ISO-8601' },
    ],
  })
  @ApiOkResponse({ type: PublicKeyListResponse })
  publicKeys(@Req() request: FastifyRequest): Promise<PublicKeyListResponse> {
    return this.rest.run(
      request,
      ListPublicKeys,
      ({ query }) => ({ startTime: queryTime(query.startTime), endTime: queryTime(query.endTime) }),
      (output) => ({ publicKeys: output.publicKeyList.map(toPublicKeyResponse) }),
    );
  }
}

import { Injectable } from '@nestjs/common';
import { RegionRepository } from '@app/regions';
import { Clock, DomainError, EnvSchema, type Principal, TransactionRunner } from '@app/platform';
import { type IncomingSignedRequest, parseSignedRequest, SigningKeyCache, verifySignature } from '@app/sigv4';
import { rootPrincipal, userPrincipal } from '../principals';
import { AccessKeyRepository } from '../persistence/access-key.repository';

export interface AuthenticatedCaller {
  readonly principal: Principal;
  /** The credential scope's Region: the Region the request acts in. */
  readonly region: string;
  readonly signingName: string;
}

const INVALID_TOKEN = 'The security token included in the request is invalid.';

/**
 * Verifies a request's SigV4 signature and resolves who sent it. Checks, in AWS's order: the
 * signature's form, the service it was scoped to, the access key, the signature and clock, and
 * finally that the scoped Region exists and is enabled for the caller's account.
 */
@Injectable()
export class Authenticator {
  private readonly keyCache = new SigningKeyCache(10_000);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly keys: AccessKeyRepository,
    private readonly regions: RegionRepository,
    private readonly env: EnvSchema,
    private readonly clock: Clock,
  ) {}

  async authenticate(
    request: IncomingSignedRequest,
    signingNames: readonly string[],
  ): Promise<AuthenticatedCaller> {
    const signature = parseSignedRequest(request, { expectedServices: signingNames });
    if (signature.presigned && request.method !== 'GET') {
      // A presigned URL does not sign the body, so it may only read.
      throw new DomainError(
        'InvalidSignatureException',
        'Presigned URLs are accepted for GET requests only.',
      );
    }
    const owner = await this.tx.read((em) => this.keys.findActive(em, signature.accessKeyId));
    if (!owner || !owner.accountActive) throw new DomainError('UnrecognizedClientException', INVALID_TOKEN);
    verifySignature(request, signature, owner.secretAccessKey, {
      now: this.clock.now(),
      maxSkewMs: this.env.TRAILPLANE_SIGV4_MAX_SKEW_SECONDS * 1000,
      keyCache: this.keyCache,
    });
    await this.assertRegionUsable(owner.accountId, signature.region);
    const principal =
      owner.principalKind === 'root'
        ? rootPrincipal(
            this.env.TRAILPLANE_PARTITION,
            owner.accountId,
            owner.accessKeyId,
            owner.isOperatorAccount,
          )
        : userPrincipal(
            this.env.TRAILPLANE_PARTITION,
            owner.accountId,
            owner.userName as string,
            owner.accessKeyId,
          );
    return { principal, region: signature.region, signingName: signature.service };
  }

  private async assertRegionUsable(accountId: string, regionName: string): Promise<void> {
    const enabled = await this.tx.read(async (em) => {
      const region = await this.regions.find(em, regionName);
      if (!region) return undefined;
      return !region.optIn || (await this.regions.enabledOptInRegions(em, accountId)).has(regionName);
    });
    if (enabled === undefined) {
      throw new DomainError('InvalidSignatureException', 'Credential should be scoped to a valid region.');
    }
    if (!enabled) {
      throw new DomainError(
        'UnrecognizedClientException',
        `${INVALID_TOKEN} Region ${regionName} is not enabled for account ${accountId}.`,
      );
    }
  }
}

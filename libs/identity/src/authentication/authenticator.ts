import { Injectable } from '@nestjs/common';
import { RegionRepository } from '@app/regions';
import { Clock, DomainError, EnvSchema, type Principal, TransactionRunner } from '@app/platform';
import {
  type IncomingSignedRequest,
  type ParsedSignature,
  parseSignedRequest,
  SigningKeyCache,
  verifySignature,
} from '@app/sigv4';
import { assumedRolePrincipal, rootPrincipal, userPrincipal } from '../principals';
import { AccessKeyRepository } from '../persistence/access-key.repository';
import { SessionRepository } from '../persistence/session.repository';

export interface AuthenticatedCaller {
  readonly principal: Principal;
  /** The credential scope's Region: the Region the request acts in. */
  readonly region: string;
  readonly signingName: string;
  /**
   * The caller's account authorization generation, read with its credentials: the versioned key
   * under which the caller's policy set may be cached (it changes with every committed change).
   */
  readonly authorizationGeneration: number;
}

/** A verified credential: who it names, its secret, and the generation read with it. */
interface ResolvedCredential {
  readonly principal: Principal;
  readonly secretAccessKey: string;
  readonly accountId: string;
  readonly accountActive: boolean;
  readonly authorizationGeneration: number;
}

const INVALID_TOKEN = 'The security token included in the request is invalid.';
const EXPIRED_TOKEN = 'The security token included in the request is expired';

/** Temporary credentials from STS start with ASIA; long-term keys with AKIA (or the operator's own). */
const TEMPORARY_KEY_PREFIX = 'ASIA';

/**
 * Verifies a request's SigV4 signature and resolves who sent it. Checks, in AWS's order: the
 * signature's form, the service it was scoped to, the credential (long-term key, or temporary key
 * with its session token, not expired), the signature and clock, and finally that the scoped Region
 * exists and is enabled for the caller's account.
 */
@Injectable()
export class Authenticator {
  private readonly keyCache = new SigningKeyCache(10_000);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly keys: AccessKeyRepository,
    private readonly sessions: SessionRepository,
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
    const credential =
      signature.accessKeyId.startsWith(TEMPORARY_KEY_PREFIX) && signature.securityToken !== undefined
        ? await this.temporaryCredential(signature, signature.securityToken)
        : await this.longTermCredential(signature);
    if (!credential.accountActive) throw new DomainError('UnrecognizedClientException', INVALID_TOKEN);
    verifySignature(request, signature, credential.secretAccessKey, {
      now: this.clock.now(),
      maxSkewMs: this.env.TRAILPLANE_SIGV4_MAX_SKEW_SECONDS * 1000,
      keyCache: this.keyCache,
    });
    await this.assertRegionUsable(credential.accountId, signature.region);
    return {
      principal: credential.principal,
      region: signature.region,
      signingName: signature.service,
      authorizationGeneration: credential.authorizationGeneration,
    };
  }

  private async longTermCredential(signature: ParsedSignature): Promise<ResolvedCredential> {
    // A session token belongs with temporary credentials only.
    if (signature.securityToken !== undefined)
      throw new DomainError('UnrecognizedClientException', INVALID_TOKEN);
    const owner = await this.tx.read((em) => this.keys.findActive(em, signature.accessKeyId));
    if (!owner) throw new DomainError('UnrecognizedClientException', INVALID_TOKEN);
    const partition = this.env.TRAILPLANE_PARTITION;
    return {
      principal: owner.user
        ? userPrincipal(partition, owner.accountId, owner.user, owner.accessKeyId)
        : rootPrincipal(partition, owner.accountId, owner.accessKeyId, owner.isOperatorAccount),
      secretAccessKey: owner.secretAccessKey,
      accountId: owner.accountId,
      accountActive: owner.accountActive,
      authorizationGeneration: owner.authorizationGeneration,
    };
  }

  /**
   * An `ASIA…` key with a session token (`X-Amz-Security-Token`): a wrong token, or a session whose
   * role was deleted, is invalid; a session past its expiry is expired. (Without its token, a
   * temporary key is looked up as a long-term key, and is unknown there.)
   */
  private async temporaryCredential(signature: ParsedSignature, token: string): Promise<ResolvedCredential> {
    const session = await this.tx.read((em) => this.sessions.find(em, signature.accessKeyId));
    if (!session?.matchesToken(token)) throw new DomainError('UnrecognizedClientException', INVALID_TOKEN);
    if (session.expiresAt.getTime() <= this.clock.now().getTime()) {
      throw new DomainError('ExpiredTokenException', EXPIRED_TOKEN);
    }
    return {
      principal: assumedRolePrincipal(this.env.TRAILPLANE_PARTITION, session.accountId, session.role, {
        name: session.sessionName,
        accessKeyId: session.accessKeyId,
        createdAt: session.createdAt,
      }),
      secretAccessKey: session.secretAccessKey,
      accountId: session.accountId,
      accountActive: session.accountActive,
      authorizationGeneration: session.authorizationGeneration,
    };
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

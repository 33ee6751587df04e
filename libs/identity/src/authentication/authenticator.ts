import { Injectable } from '@nestjs/common';
import { type RegionStanding } from '@app/regions';
import { Clock, EnvSchema, type Principal, ReadBatcher, TransactionRunner } from '@app/platform';
import {
  type IncomingSignedRequest,
  type ParsedSignature,
  parseSignedRequest,
  SigningKeyCache,
  verifySignature,
} from '@app/sigv4';
import { assumedRolePrincipal, rootPrincipal, userPrincipal } from '../principals';
import {
  ExpiredSecurityTokenError,
  InvalidSecurityTokenError,
  PresignedWriteError,
  RegionNotEnabledError,
  UnknownCredentialRegionError,
} from './authentication.errors';
import {
  type AccessKeyForRequest,
  AccessKeyRepository,
  type KeyLookup,
} from '../persistence/access-key.repository';
import { SessionRepository, type SessionOwner } from '../persistence/session.repository';

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
  /**
   * The verified signature and the signing key that verified it: the chunks of an S3 streaming
   * upload (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD`) are signed in a chain seeded by them.
   */
  readonly signing: { readonly signature: ParsedSignature; readonly signingKey: Buffer };
}

/** A credential found: who it names, its secret, and the generation and Region standing read with it. */
interface ResolvedCredential {
  readonly principal: Principal;
  readonly secretAccessKey: string;
  readonly accountId: string;
  readonly accountActive: boolean;
  readonly authorizationGeneration: number;
  readonly region: RegionStanding;
}

/** Temporary credentials from STS start with ASIA; long-term keys with AKIA (or the operator's own). */
const TEMPORARY_KEY_PREFIX = 'ASIA';

/**
 * Verifies a request's SigV4 signature and resolves who sent it. Checks, in AWS's order: the
 * signature's form, the service it was scoped to, the credential (long-term key, or temporary key
 * with its session token, not expired), the signature and clock, and finally that the scoped Region
 * exists and is enabled for the caller's account.
 *
 * Speed: one query reads the credential, its account's authorization generation and the Region's
 * standing together, shared by the requests that arrive in the same turn of the event loop. It is
 * not cached, so that a deleted key, a deleted role's session or a policy change made through any
 * replica counts on the very next request; the signing key derived from the secret is cached per
 * (secret, day, Region, service).
 */
@Injectable()
export class Authenticator {
  private readonly keyCache = new SigningKeyCache(10_000);
  /** Long-term keys' lookups, one query for the requests of one turn of the event loop. */
  private readonly keyLookups = new ReadBatcher<KeyLookup, AccessKeyForRequest | undefined>((lookups) =>
    this.tx.read((em) => this.keys.findManyForRequests(em, lookups)),
  );

  constructor(
    private readonly tx: TransactionRunner,
    private readonly keys: AccessKeyRepository,
    private readonly sessions: SessionRepository,
    private readonly env: EnvSchema,
    private readonly clock: Clock,
  ) {}

  async authenticate(
    request: IncomingSignedRequest,
    signingNames: readonly string[],
  ): Promise<AuthenticatedCaller> {
    const signature = parseSignedRequest(request, { expectedServices: signingNames });
    if (signature.presigned && request.method !== 'GET' && signature.service !== 's3') {
      throw new PresignedWriteError();
    }
    const credential =
      signature.accessKeyId.startsWith(TEMPORARY_KEY_PREFIX) && signature.securityToken !== undefined
        ? await this.temporaryCredential(signature, signature.securityToken)
        : await this.longTermCredential(signature);
    if (!credential.accountActive) throw new InvalidSecurityTokenError();
    const signingKey = verifySignature(request, signature, credential.secretAccessKey, {
      now: this.clock.now(),
      maxSkewMs: this.env.TRAILPLANE_SIGV4_MAX_SKEW_SECONDS * 1000,
      keyCache: this.keyCache,
      s3: signature.service === 's3',
    });
    assertRegionUsable(credential, signature.region);
    return {
      principal: credential.principal,
      region: signature.region,
      signingName: signature.service,
      authorizationGeneration: credential.authorizationGeneration,
      signing: { signature, signingKey },
    };
  }

  private async longTermCredential(signature: ParsedSignature): Promise<ResolvedCredential> {
    // A session token belongs with temporary credentials only.
    if (signature.securityToken !== undefined) throw new InvalidSecurityTokenError();
    const found = await this.keyLookups.load({
      accessKeyId: signature.accessKeyId,
      region: signature.region,
    });
    if (!found) throw new InvalidSecurityTokenError();
    const { owner } = found;
    const partition = this.env.TRAILPLANE_PARTITION;
    return {
      principal: owner.user
        ? userPrincipal(partition, owner.accountId, owner.user, owner.accessKeyId)
        : rootPrincipal(partition, owner.accountId, owner.accessKeyId, owner.isOperatorAccount),
      secretAccessKey: owner.secretAccessKey,
      accountId: owner.accountId,
      accountActive: owner.accountActive,
      authorizationGeneration: owner.authorizationGeneration,
      region: found.region,
    };
  }

  /**
   * An `ASIA…` key with a session token (`X-Amz-Security-Token`): a wrong token, or a session whose
   * role was deleted, is invalid; a session past its expiry is expired. (Without its token, a
   * temporary key is looked up as a long-term key, and is unknown there.)
   */
  private async temporaryCredential(signature: ParsedSignature, token: string): Promise<ResolvedCredential> {
    const session = await this.tx.read((em) =>
      this.sessions.find(em, signature.accessKeyId, signature.region),
    );
    if (!session?.matchesToken(token)) throw new InvalidSecurityTokenError();
    if (session.expiresAt.getTime() <= this.clock.now().getTime()) {
      throw new ExpiredSecurityTokenError();
    }
    return {
      principal: sessionPrincipal(this.env.TRAILPLANE_PARTITION, session),
      secretAccessKey: session.secretAccessKey,
      accountId: session.accountId,
      accountActive: session.accountActive,
      authorizationGeneration: session.authorizationGeneration,
      region: session.region,
    };
  }
}

/** A role session acts as the assumed role; a GetSessionToken session as the user or root that asked. */
function sessionPrincipal(partition: string, session: SessionOwner): Principal {
  if (session.role) {
    return assumedRolePrincipal(partition, session.accountId, session.role, {
      name: session.sessionName,
      accessKeyId: session.accessKeyId,
      createdAt: session.createdAt,
    });
  }
  if (session.user) return userPrincipal(partition, session.accountId, session.user, session.accessKeyId);
  return rootPrincipal(partition, session.accountId, session.accessKeyId, session.isOperatorAccount);
}

function assertRegionUsable(credential: ResolvedCredential, regionName: string): void {
  if (credential.region === 'unknown') {
    throw new UnknownCredentialRegionError();
  }
  if (credential.region === 'disabled') {
    throw new RegionNotEnabledError(regionName, credential.accountId);
  }
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { randomAwsId, randomSecretAccessKey, SecretBox, sql } from '@app/platform';
import { type RegionStanding, regionStandingOf, regionStandingSql } from '@app/regions';
import { type EntityManager } from 'typeorm';
import { signatureText } from './signature-text';

/** Temporary credentials as STS returns them: the secret and the token are shown once. */
export interface TemporaryCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
}

/**
 * Whose session it is: a role's (AssumeRole), an IAM user's or, with neither, the account's root
 * user's (GetSessionToken).
 */
export interface NewSession {
  readonly accountId: string;
  readonly roleId?: string;
  readonly userId?: string;
  readonly sessionName: string;
  /** The ARN of the principal that asked for the session. */
  readonly sourceArn: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

interface NamedPrincipal {
  readonly id: string;
  readonly name: string;
  readonly path: string;
}

/** What authentication needs to know about a session and the role, user or root behind it. */
export interface SessionOwner {
  readonly accessKeyId: string;
  readonly accountId: string;
  /** Set for a role session; `user` for a user's session; neither for a root session. */
  readonly role?: NamedPrincipal;
  readonly user?: NamedPrincipal;
  readonly isOperatorAccount: boolean;
  readonly sessionName: string;
  readonly secretAccessKey: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly accountActive: boolean;
  readonly authorizationGeneration: number;
  /** The standing, for the session's account, of the Region the request is scoped to. */
  readonly region: RegionStanding;
  /** Constant-time check of the token presented with the session's key. */
  matchesToken(token: string): boolean;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function namedPrincipal(
  id: string | null,
  name: string | null,
  path: string | null,
): NamedPrincipal | undefined {
  return id !== null && name !== null && path !== null ? { id, name, path } : undefined;
}

/**
 * STS sessions (`ASIA…` keys). The secret is sealed like long-term secrets; only a SHA-256 of the
 * session token is kept, since the token is never shown again. A session dies with its role.
 */
@Injectable()
export class SessionRepository {
  constructor(private readonly secrets: SecretBox) {}

  async create(em: EntityManager, session: NewSession): Promise<TemporaryCredentials> {
    const accessKeyId = randomAwsId('ASIA');
    const secretAccessKey = randomSecretAccessKey();
    const sessionToken = randomBytes(96).toString('base64');
    await sql(
      em,
      `INSERT INTO sts_sessions (id, account_id, role_id, user_id, session_name, secret_sealed, token_sha256, source_arn, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        accessKeyId,
        session.accountId,
        session.roleId ?? null,
        session.userId ?? null,
        session.sessionName,
        this.secrets.seal(secretAccessKey),
        sha256(sessionToken).toString('hex'),
        session.sourceArn,
        session.createdAt,
        session.expiresAt,
      ],
    );
    return { accessKeyId, secretAccessKey, sessionToken, expiration: session.expiresAt };
  }

  /**
   * Authentication's one round trip: the session, the role behind it, its account's authorization
   * generation, and `region`'s standing for that account.
   */
  async find(em: EntityManager, accessKeyId: string, region: string): Promise<SessionOwner | undefined> {
    const { rows } = await sql<{
      id: string;
      account_id: string;
      role_id: string | null;
      role_name: string | null;
      role_path: string | null;
      user_id: string | null;
      user_name: string | null;
      user_path: string | null;
      is_operator: boolean;
      session_name: string;
      secret_sealed: string;
      token_sha256: string;
      created_at: Date;
      expires_at: Date;
      account_status: string;
      generation: string;
      region_standing: 'enabled' | 'disabled' | null;
    }>(
      em,
      `SELECT s.id, s.account_id, r.id AS role_id, r.name AS role_name, r.path AS role_path,
              u.id AS user_id, u.name AS user_name, u.path AS user_path, a.is_operator, s.session_name,
              s.secret_sealed, s.token_sha256, s.created_at, s.expires_at, a.status AS account_status,
              coalesce(g.generation, 0) AS generation,
              ${regionStandingSql('s.account_id', '$2::text')} AS region_standing
         FROM sts_sessions s
         LEFT JOIN iam_roles r ON r.id = s.role_id
         LEFT JOIN iam_users u ON u.id = s.user_id
         JOIN accounts a ON a.id = s.account_id
         LEFT JOIN authorization_generations g ON g.account_id = s.account_id
        WHERE s.id = $1`,
      [signatureText(accessKeyId), signatureText(region)],
      { prepareAs: 'identity.session-for-request' },
    );
    const row = rows[0];
    if (!row) return undefined;
    const expected = Buffer.from(row.token_sha256, 'hex');
    return {
      accessKeyId: row.id,
      accountId: row.account_id,
      role: namedPrincipal(row.role_id, row.role_name, row.role_path),
      user: namedPrincipal(row.user_id, row.user_name, row.user_path),
      isOperatorAccount: row.is_operator,
      sessionName: row.session_name,
      secretAccessKey: this.secrets.open(row.secret_sealed),
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      accountActive: row.account_status === 'ACTIVE',
      authorizationGeneration: Number(row.generation),
      region: regionStandingOf(row.region_standing),
      matchesToken: (token) => timingSafeEqual(sha256(token), expected),
    };
  }

  /** Removes sessions that expired before `before`; returns how many. */
  async deleteExpired(em: EntityManager, before: Date, limit: number): Promise<number> {
    const { rowCount } = await sql(
      em,
      `DELETE FROM sts_sessions WHERE id IN (SELECT id FROM sts_sessions WHERE expires_at < $1 LIMIT $2)`,
      [before, limit],
    );
    return rowCount;
  }
}

import { Injectable } from '@nestjs/common';
import { randomAwsId, randomSecretAccessKey, SecretBox, sql } from '@app/platform';
import { type RegionStanding, regionStandingOf, regionStandingSql } from '@app/regions';
import { type EntityManager } from 'typeorm';
import { signatureText } from './signature-text';

export interface NewAccessKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly createdAt: Date;
}

/** An access key as IAM lists it: never its secret. */
export interface AccessKeyMetadata {
  readonly accessKeyId: string;
  readonly userName: string;
  readonly status: 'Active' | 'Inactive';
  readonly createdAt: Date;
}

/** The IAM user a long-term key belongs to. */
export interface KeyUser {
  readonly id: string;
  readonly name: string;
  readonly path: string;
}

/** What authentication needs to know about a long-term access key and its owner. */
export interface AccessKeyOwner {
  readonly accessKeyId: string;
  readonly accountId: string;
  readonly principalKind: 'root' | 'user';
  /** The IAM user, for `principalKind` 'user'. */
  readonly user: KeyUser | null;
  readonly secretAccessKey: string;
  readonly accountActive: boolean;
  readonly isOperatorAccount: boolean;
  /** The account's authorization generation (versioned key of its cached policy sets). */
  readonly authorizationGeneration: number;
}

/** A request's credential to look up: its access key, and the Region its signature is scoped to. */
export interface KeyLookup {
  readonly accessKeyId: string;
  readonly region: string | null;
}

/** A key found for a request: its owner, and the standing of the Region the request is scoped to. */
export interface AccessKeyForRequest {
  readonly owner: AccessKeyOwner;
  readonly region: RegionStanding;
}

/** Long-term access keys (`AKIA…`) of root users and IAM users; secrets sealed at rest. */
@Injectable()
export class AccessKeyRepository {
  constructor(private readonly secrets: SecretBox) {}

  async create(
    em: EntityManager,
    owner: { accountId: string; user?: { readonly id: string; readonly name: string } },
    given?: { accessKeyId: string; secretAccessKey: string },
    at: Date = new Date(),
  ): Promise<NewAccessKey> {
    const accessKeyId = given?.accessKeyId ?? randomAwsId('AKIA');
    const secretAccessKey = given?.secretAccessKey ?? randomSecretAccessKey();
    await sql(
      em,
      `INSERT INTO access_keys (id, account_id, principal_kind, user_name, user_id, secret_sealed, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'Active', $7)`,
      [
        accessKeyId,
        owner.accountId,
        owner.user === undefined ? 'root' : 'user',
        owner.user?.name ?? null,
        owner.user?.id ?? null,
        this.secrets.seal(secretAccessKey),
        at,
      ],
    );
    return { accessKeyId, secretAccessKey, createdAt: at };
  }

  async findActive(em: EntityManager, accessKeyId: string): Promise<AccessKeyOwner | undefined> {
    const [found] = await this.findManyForRequests(em, [{ accessKeyId, region: null }]);
    return found?.owner;
  }

  /**
   * Authentication's one round trip, for any number of requests at once: each active key, its owner
   * and its account's authorization generation, with the standing of the request's Region for that
   * account (`unknown` when none is given). One answer per lookup, in order.
   */
  async findManyForRequests(
    em: EntityManager,
    lookups: readonly KeyLookup[],
  ): Promise<(AccessKeyForRequest | undefined)[]> {
    const { rows } = await sql<{
      lookup: number;
      id: string;
      account_id: string;
      principal_kind: 'root' | 'user';
      user_id: string | null;
      user_name: string | null;
      user_path: string | null;
      secret_sealed: string;
      account_status: string;
      is_operator: boolean;
      generation: string;
      region_standing: 'enabled' | 'disabled' | null;
    }>(
      em,
      `SELECT q.lookup::int AS lookup, k.id, k.account_id, k.principal_kind,
              u.id AS user_id, u.name AS user_name, u.path AS user_path, k.secret_sealed,
              a.status AS account_status, a.is_operator, coalesce(g.generation, 0) AS generation,
              ${regionStandingSql('k.account_id', 'q.region')} AS region_standing
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS q(access_key_id, region, lookup)
         JOIN access_keys k ON k.id = q.access_key_id AND k.status = 'Active'
         JOIN accounts a ON a.id = k.account_id
         LEFT JOIN iam_users u ON u.id = k.user_id
         LEFT JOIN authorization_generations g ON g.account_id = k.account_id`,
      [
        lookups.map((lookup) => signatureText(lookup.accessKeyId)),
        lookups.map((lookup) => signatureText(lookup.region)),
      ],
      { prepareAs: 'identity.access-keys-for-requests' },
    );
    const found: (AccessKeyForRequest | undefined)[] = lookups.map(() => undefined);
    for (const row of rows) {
      // A user key whose user is gone cannot authenticate (users are deleted after their keys).
      if (row.principal_kind === 'user' && row.user_id === null) continue;
      found[row.lookup - 1] = {
        owner: {
          accessKeyId: row.id,
          accountId: row.account_id,
          principalKind: row.principal_kind,
          user:
            row.user_id === null
              ? null
              : { id: row.user_id, name: row.user_name as string, path: row.user_path as string },
          secretAccessKey: this.secrets.open(row.secret_sealed),
          accountActive: row.account_status === 'ACTIVE',
          isOperatorAccount: row.is_operator,
          authorizationGeneration: Number(row.generation),
        },
        region: regionStandingOf(row.region_standing),
      };
    }
    return found;
  }

  async listForUser(em: EntityManager, userId: string): Promise<AccessKeyMetadata[]> {
    const { rows } = await sql<{
      id: string;
      user_name: string;
      status: 'Active' | 'Inactive';
      created_at: Date;
    }>(
      em,
      `SELECT id, user_name, status, created_at FROM access_keys WHERE user_id = $1 ORDER BY created_at, id`,
      [userId],
    );
    return rows.map((row) => ({
      accessKeyId: row.id,
      userName: row.user_name,
      status: row.status,
      createdAt: row.created_at,
    }));
  }

  /** Deletes one key of the user; false when the user has no such key. */
  async deleteForUser(em: EntityManager, userId: string, accessKeyId: string): Promise<boolean> {
    const { rowCount } = await sql(em, `DELETE FROM access_keys WHERE user_id = $1 AND id = $2`, [
      userId,
      accessKeyId,
    ]);
    return rowCount === 1;
  }
}

import { Injectable } from '@nestjs/common';
import { isForeignKeyViolation, sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type Bucket, type BucketAccessFacts } from '../domain/bucket';
import {
  BucketAlreadyExistsError,
  BucketAlreadyOwnedByYouError,
  BucketNotEmptyError,
} from '../domain/storage.errors';

interface BucketRow {
  name: string;
  owner_account_id: string;
  region: string;
  created_at: Date;
}

interface BucketPolicyRow extends BucketRow {
  policy: string | null;
  policy_version: string | null;
}

const COLUMNS = 'name, owner_account_id, region, created_at';

export interface BucketListFilter {
  readonly prefix?: string;
  readonly region?: string;
  /** Names after this one (exclusive), in byte order. */
  readonly afterName?: string;
  readonly limit: number;
}

/** Buckets (storage_buckets): global names, owner, Region, and the bucket policy. */
@Injectable()
export class BucketRepository {
  /**
   * Creates the bucket, or says who holds the name: BucketAlreadyOwnedByYou for the same owner,
   * BucketAlreadyExists for another. ON CONFLICT waits for a concurrent creator to finish, so of
   * two racing creates exactly one succeeds.
   */
  async insert(em: EntityManager, bucket: Bucket): Promise<void> {
    const { rowCount } = await sql(
      em,
      `INSERT INTO storage_buckets (name, owner_account_id, region, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO NOTHING`,
      [bucket.name, bucket.ownerAccountId, bucket.region, bucket.createdAt],
    );
    if (rowCount === 1) return;
    const holder = await this.find(em, bucket.name);
    if (holder?.ownerAccountId === bucket.ownerAccountId) throw new BucketAlreadyOwnedByYouError(bucket.name);
    throw new BucketAlreadyExistsError(bucket.name);
  }

  async find(em: EntityManager, name: string): Promise<Bucket | undefined> {
    const { rows } = await sql<BucketRow>(em, `SELECT ${COLUMNS} FROM storage_buckets WHERE name = $1`, [
      name,
    ]);
    return rows.length === 0 ? undefined : toBucket(rows[0]);
  }

  /** The bucket and its policy, for authorization and GetBucketPolicy. */
  async findAccessFacts(em: EntityManager, name: string): Promise<BucketAccessFacts | undefined> {
    const { rows } = await sql<BucketPolicyRow>(
      em,
      `SELECT ${COLUMNS}, policy, policy_version FROM storage_buckets WHERE name = $1`,
      [name],
    );
    if (rows.length === 0) return undefined;
    const [row] = rows;
    return {
      bucket: toBucket(row),
      ...(row.policy === null || row.policy_version === null
        ? {}
        : { policy: { document: row.policy, version: row.policy_version } }),
    };
  }

  /** The owner's buckets by name (index ix_storage_buckets_owner). */
  async listByOwner(em: EntityManager, ownerAccountId: string, filter: BucketListFilter): Promise<Bucket[]> {
    const conditions = ['owner_account_id = $1'];
    const params: unknown[] = [ownerAccountId];
    const add = (condition: (placeholder: string) => string, value: unknown): void => {
      params.push(value);
      conditions.push(condition(`$${params.length}`));
    };
    if (filter.afterName !== undefined) add((p) => `name > ${p}`, filter.afterName);
    if (filter.prefix) add((p) => `starts_with(name, ${p})`, filter.prefix);
    if (filter.region !== undefined) add((p) => `region = ${p}`, filter.region);
    params.push(filter.limit);
    const { rows } = await sql<BucketRow>(
      em,
      `SELECT ${COLUMNS} FROM storage_buckets WHERE ${conditions.join(' AND ')} ORDER BY name LIMIT $${params.length}`,
      params,
    );
    return rows.map(toBucket);
  }

  /**
   * Deletes an empty bucket. The row lock waits for PutObjects in flight (their foreign key check
   * holds a KEY SHARE lock) and makes later ones wait and then fail, so no object can slip in
   * between the emptiness check and the delete. False when there is no such bucket.
   * @throws BucketNotEmptyError
   */
  async deleteIfEmpty(em: EntityManager, name: string): Promise<boolean> {
    const { rows } = await sql<{ has_objects: boolean }>(
      em,
      `SELECT EXISTS (SELECT 1 FROM storage_objects o WHERE o.bucket = b.name) AS has_objects
         FROM storage_buckets b WHERE b.name = $1 FOR UPDATE OF b`,
      [name],
    );
    if (rows.length === 0) return false;
    if (rows[0].has_objects) throw new BucketNotEmptyError(name);
    try {
      await sql(em, `DELETE FROM storage_buckets WHERE name = $1`, [name]);
    } catch (error) {
      if (isForeignKeyViolation(error, 'fk_storage_objects_bucket')) throw new BucketNotEmptyError(name);
      throw error;
    }
    return true;
  }

  /** Sets the policy under a new version; false when there is no such bucket. */
  async putPolicy(em: EntityManager, name: string, policy: string): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `UPDATE storage_buckets SET policy = $2, policy_version = nextval('storage_bucket_policy_versions') WHERE name = $1`,
      [name, policy],
    );
    return rowCount === 1;
  }

  /** Removes the policy (a bucket without one is fine); false when there is no such bucket. */
  async deletePolicy(em: EntityManager, name: string): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `UPDATE storage_buckets SET policy = NULL, policy_version = NULL WHERE name = $1`,
      [name],
    );
    return rowCount === 1;
  }
}

function toBucket(row: BucketRow): Bucket {
  return {
    name: row.name,
    ownerAccountId: row.owner_account_id,
    region: row.region,
    createdAt: row.created_at,
  };
}

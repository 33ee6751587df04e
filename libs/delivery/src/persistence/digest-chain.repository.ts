import { Injectable } from '@nestjs/common';
import { type DigestLink } from '@app/integrity';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';

/** What a digest needs of its trail, kept with the chain because the trail may be deleted first. */
export interface ChainedTrail {
  readonly arn: string;
  readonly name: string;
  readonly homeRegion: string;
  readonly ownerAccountId: string;
  readonly organizationId: string | null;
  readonly bucket: string;
  readonly keyPrefix: string | null;
}

/** One digest chain: a (trail, account, Region) during one validation period (delivery.md §4). */
export interface DigestChain {
  readonly trailId: string;
  readonly accountId: string;
  readonly region: string;
  readonly periodStartedAt: Date;
  readonly nextStart: Date;
  /** When the chain ends (its period closed or its replica went away); null while it goes on. */
  readonly endsAt: Date | null;
  readonly trail: ChainedTrail;
  /** The chain's last digest; null until the first is written. */
  readonly previous: DigestLink | null;
}

/** What a delivery run did to a chain: its digests up to `nextStart` are written, the last is `last`. */
export interface ChainMove {
  readonly chain: DigestChain;
  readonly nextStart: Date;
  readonly last: DigestLink | null;
  readonly ends: boolean;
}

export interface ChainPlace extends Pick<DigestChain, 'accountId' | 'region' | 'periodStartedAt' | 'endsAt'> {
  readonly finished: boolean;
}

export interface Place {
  readonly accountId: string;
  readonly region: string;
}

interface ChainRow {
  readonly trail_id: string;
  readonly account_id: string;
  readonly region: string;
  readonly period_started_at: Date;
  readonly next_start: Date;
  readonly ends_at: Date | null;
  readonly finished: boolean;
  readonly trail_arn: string;
  readonly trail_name: string;
  readonly home_region: string;
  readonly owner_account_id: string;
  readonly organization_id: string | null;
  readonly bucket: string;
  readonly key_prefix: string | null;
  readonly last_bucket: string | null;
  readonly last_key: string | null;
  readonly last_sha256: string | null;
  readonly last_signature: string | null;
}

function toDigestChain(row: ChainRow): DigestChain {
  return {
    trailId: row.trail_id,
    accountId: row.account_id,
    region: row.region,
    periodStartedAt: row.period_started_at,
    nextStart: row.next_start,
    endsAt: row.ends_at,
    trail: {
      arn: row.trail_arn,
      name: row.trail_name,
      homeRegion: row.home_region,
      ownerAccountId: row.owner_account_id,
      organizationId: row.organization_id,
      bucket: row.bucket,
      keyPrefix: row.key_prefix,
    },
    previous:
      row.last_bucket && row.last_key && row.last_sha256 && row.last_signature
        ? {
            bucket: row.last_bucket,
            key: row.last_key,
            sha256: row.last_sha256,
            signature: row.last_signature,
          }
        : null,
  };
}

@Injectable()
export class DigestChainRepository {
  async placesOf(em: EntityManager, trailId: string): Promise<ChainPlace[]> {
    const { rows } = await sql<
      Pick<ChainRow, 'account_id' | 'region' | 'period_started_at' | 'ends_at' | 'finished'>
    >(
      em,
      `SELECT account_id, region, period_started_at, ends_at, finished FROM digest_chains WHERE trail_id = $1`,
      [trailId],
    );
    return rows.map((row) => ({
      accountId: row.account_id,
      region: row.region,
      periodStartedAt: row.period_started_at,
      endsAt: row.ends_at,
      finished: row.finished,
    }));
  }

  /** Starts chains at `nextStart` for the places of a validation period. */
  async start(
    em: EntityManager,
    trailId: string,
    periodStartedAt: Date,
    trail: ChainedTrail,
    places: readonly Place[],
    nextStart: Date,
  ): Promise<void> {
    if (places.length === 0) return;
    await sql(
      em,
      `INSERT INTO digest_chains (trail_id, account_id, region, period_started_at, next_start, trail_arn,
                                  trail_name, home_region, owner_account_id, organization_id, bucket, key_prefix)
       SELECT $1, p.account_id, p.region, $2, $10, $3, $4, $5, $6, $7, $8, $9
         FROM unnest($11::char(12)[], $12::text[]) AS p(account_id, region)
       ON CONFLICT DO NOTHING`,
      [
        trailId,
        periodStartedAt,
        trail.arn,
        trail.name,
        trail.homeRegion,
        trail.ownerAccountId,
        trail.organizationId,
        trail.bucket,
        trail.keyPrefix,
        nextStart,
        places.map((place) => place.accountId),
        places.map((place) => place.region),
      ],
    );
  }

  /** Finished chains of an open period whose replica is back: each starts a new chain at `nextStart`. */
  async restart(
    em: EntityManager,
    trailId: string,
    periodStartedAt: Date,
    places: readonly Place[],
    nextStart: Date,
  ): Promise<void> {
    if (places.length === 0) return;
    await sql(
      em,
      `UPDATE digest_chains
          SET finished = false, ends_at = NULL, next_start = $3,
              last_bucket = NULL, last_key = NULL, last_sha256 = NULL, last_signature = NULL
        WHERE trail_id = $1 AND period_started_at = $2 AND finished
          AND (account_id, region) IN (SELECT * FROM unnest($4::char(12)[], $5::text[]))`,
      [
        trailId,
        periodStartedAt,
        nextStart,
        places.map((place) => place.accountId),
        places.map((place) => place.region),
      ],
    );
  }

  /** Forgets the finished chains of closed periods (`openPeriod`: the one still open, if any). */
  async removeFinished(em: EntityManager, trailId: string, openPeriod: Date | null): Promise<void> {
    await sql(
      em,
      `DELETE FROM digest_chains
        WHERE trail_id = $1 AND finished AND period_started_at IS DISTINCT FROM $2::timestamptz`,
      [trailId, openPeriod],
    );
  }

  /** Ends the chains of a period (all of them, or those of `places`) at `at`, unless already ended. */
  async end(
    em: EntityManager,
    trailId: string,
    periodStartedAt: Date,
    at: Date,
    places?: readonly Place[],
  ): Promise<void> {
    await sql(
      em,
      `UPDATE digest_chains SET ends_at = $3
        WHERE trail_id = $1 AND period_started_at = $2 AND ends_at IS NULL
          AND ($4::text[] IS NULL OR (account_id, region) IN (SELECT * FROM unnest($4::char(12)[], $5::text[])))`,
      [
        trailId,
        periodStartedAt,
        at,
        places ? places.map((place) => place.accountId) : null,
        places ? places.map((place) => place.region) : null,
      ],
    );
  }

  /** Chains with a digest due: the interval of their next digest is over by `boundary`, or they ended. */
  async due(em: EntityManager, trailId: string, boundary: Date, limit: number): Promise<DigestChain[]> {
    const { rows } = await sql<ChainRow>(
      em,
      `SELECT * FROM digest_chains
        WHERE trail_id = $1 AND NOT finished AND (next_start < $2 OR ends_at IS NOT NULL)
        ORDER BY next_start, account_id, region LIMIT $3`,
      [trailId, boundary, limit],
    );
    return rows.map(toDigestChain);
  }

  /**
   * A trail's chains whose digests were written, under `trail`'s current names: each continues at
   * `nextStart` linked to `last`, or is finished when it `ends`.
   */
  async advance(em: EntityManager, trail: ChainedTrail, moves: readonly ChainMove[]): Promise<void> {
    if (moves.length === 0) return;
    const column = <T>(pick: (move: ChainMove) => T): T[] => moves.map(pick);
    await sql(
      em,
      `UPDATE digest_chains c
          SET next_start = m.next_start, finished = m.finished, last_bucket = m.last_bucket, last_key = m.last_key,
              last_sha256 = m.last_sha256, last_signature = m.last_signature,
              trail_arn = $1, trail_name = $2, home_region = $3, owner_account_id = $4,
              organization_id = $5, bucket = $6, key_prefix = $7
         FROM unnest($8::uuid[], $9::char(12)[], $10::text[], $11::timestamptz[], $12::timestamptz[],
                     $13::boolean[], $14::text[], $15::text[], $16::char(64)[], $17::text[])
              AS m(trail_id, account_id, region, period_started_at, next_start, finished,
                   last_bucket, last_key, last_sha256, last_signature)
        WHERE c.trail_id = m.trail_id AND c.account_id = m.account_id AND c.region = m.region
          AND c.period_started_at = m.period_started_at`,
      [
        trail.arn,
        trail.name,
        trail.homeRegion,
        trail.ownerAccountId,
        trail.organizationId,
        trail.bucket,
        trail.keyPrefix,
        column((m) => m.chain.trailId),
        column((m) => m.chain.accountId),
        column((m) => m.chain.region),
        column((m) => m.chain.periodStartedAt.toISOString()),
        column((m) => m.nextStart.toISOString()),
        column((m) => m.ends),
        column((m) => m.last?.bucket ?? null),
        column((m) => m.last?.key ?? null),
        column((m) => m.last?.sha256 ?? null),
        column((m) => m.last?.signature ?? null),
      ],
    );
  }

  /** Trails with chains left, whatever became of the trail (final digests may still be owed). */
  async trailIds(em: EntityManager, limit: number): Promise<string[]> {
    const { rows } = await sql<{ trail_id: string }>(
      em,
      `SELECT DISTINCT trail_id FROM digest_chains WHERE NOT finished ORDER BY trail_id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.trail_id);
  }
}

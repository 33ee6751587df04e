import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type ReplicaKey } from '../domain/desired-replicas';

/** Reads where a trail's replicas are (the reconciler alone writes them). */
@Injectable()
export class TrailReplicaRepository {
  /** The accounts and Regions holding a copy of the trail, by account then Region. */
  async placesOf(em: EntityManager, trailId: string): Promise<ReplicaKey[]> {
    const { rows } = await sql<{ account_id: string; region: string }>(
      em,
      `SELECT account_id, region FROM trail_replicas WHERE trail_id = $1 ORDER BY account_id, region`,
      [trailId],
    );
    return rows.map((row) => ({ accountId: row.account_id, region: row.region }));
  }
}

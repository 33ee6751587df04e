import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { GLOBAL_SERVICE_EVENT_SOURCES, type SelectableResource, type TrailRecord } from '@app/trails';
import { type EntityManager } from 'typeorm';
import { type DeliveryCursor } from './delivery-state.repository';

/** One recorded event as delivery reads it: what selection needs, and the record's JSON text. */
export interface CandidateEvent {
  readonly txid: string;
  readonly seq: string;
  readonly accountId: string;
  readonly region: string;
  readonly eventTime: Date;
  readonly eventSource: string;
  readonly eventName: string;
  readonly readOnly: boolean;
  readonly management: boolean;
  readonly eventType: string;
  readonly identityArn: string | null;
  readonly resources: readonly SelectableResource[];
  /** The full record as stored (what LookupEvents returns in `CloudTrailEvent`). */
  readonly recordJson: string;
}

interface CandidateRow {
  readonly txid: string;
  readonly seq: string;
  readonly account_id: string;
  readonly region: string;
  /** Epoch milliseconds: a number parses far faster than a timestamptz's text, for every row of a batch. */
  readonly event_time_ms: number;
  readonly event_source: string;
  readonly event_name: string;
  readonly read_only: boolean;
  readonly management: boolean;
  readonly event_type: string | null;
  readonly identity_arn: string | null;
  readonly resources: SelectableResource[] | null;
  readonly record_json: string;
}

/**
 * The batch is read in its index's order (account or organization, txid, seq), stopping at the
 * limit. Statistics lag a burst of recording (one transaction may add 100,000s of events), and with
 * them the planner expects a few rows and picks a bitmap scan plus a sort: every batch would then
 * read and sort the whole backlog, a run quadratic in it. Set for the read alone.
 */
const ORDERED_SCAN = `SELECT set_config('enable_sort', 'off', true), set_config('enable_bitmapscan', 'off', true)`;
const PLANNER_DEFAULTS = `SELECT set_config(name, reset_val, true) FROM pg_settings
                           WHERE name IN ('enable_sort', 'enable_bitmapscan')`;

/**
 * Reads the events a trail may deliver, in recording order after its cursor and below the
 * transaction horizon (all of them final): its owner's events, or its organization's for an
 * organization trail, of its home Region unless multi-Region, global-service events only when it
 * includes them, within the times it was logging. Selectors are applied by the caller.
 */
@Injectable()
export class TrailEventSource {
  async read(
    em: EntityManager,
    trail: TrailRecord,
    range: {
      readonly after: DeliveryCursor;
      readonly below: string;
      readonly since: Date;
      readonly limit: number;
    },
  ): Promise<CandidateEvent[]> {
    const params: unknown[] = [range.after.txid, range.after.seq, range.below, range.since, range.limit];
    const where: string[] = [];
    if (trail.settings.isOrganizationTrail && trail.organizationId) {
      params.push(trail.organizationId);
      where.push(`e.organization_id = $${params.length}`);
    } else {
      params.push(trail.ownerAccountId);
      where.push(`e.account_id = $${params.length}`);
    }
    if (!trail.settings.isMultiRegionTrail) {
      params.push(trail.homeRegion);
      where.push(`e.region = $${params.length}`);
    }
    if (!trail.settings.includeGlobalServiceEvents) {
      params.push([...GLOBAL_SERVICE_EVENT_SOURCES]);
      where.push(`e.event_source <> ALL($${params.length}::text[])`);
    }
    await sql(em, ORDERED_SCAN);
    const { rows } = await sql<CandidateRow>(
      em,
      `SELECT e.txid::text, e.seq::text, e.account_id, e.region,
              (extract(epoch FROM e.event_time) * 1000)::float8 AS event_time_ms, e.event_source, e.event_name,
              e.read_only, e.management, e.record->>'eventType' AS event_type,
              e.record->'userIdentity'->>'arn' AS identity_arn, e.record->'resources' AS resources,
              events_record(e)::text AS record_json
         FROM events e
        WHERE ${where.join(' AND ')}
          AND (e.txid, e.seq) > ($1::xid8, $2::bigint) AND e.txid < $3::xid8
          AND e.event_time >= $4
        ORDER BY e.txid, e.seq
        LIMIT $5`,
      params,
    );
    await sql(em, PLANNER_DEFAULTS);
    return rows.map((row) => ({
      txid: row.txid,
      seq: row.seq,
      accountId: row.account_id,
      region: row.region,
      eventTime: new Date(row.event_time_ms),
      eventSource: row.event_source,
      eventName: row.event_name,
      readOnly: row.read_only,
      management: row.management,
      eventType: row.event_type ?? 'AwsApiCall',
      identityArn: row.identity_arn,
      resources: row.resources ?? [],
      recordJson: row.record_json,
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { EnvSchema, ReadBatcher, withStatementTimeout } from '@app/platform';
import { escapeLiteral, type Pool, type PoolClient, type QueryResult } from 'pg';
import { DataSource } from 'typeorm';
import { type PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { applyDesiredToLockedCtes, standaloneDesiredCte } from './replica-statements';

/** One ReconcileTrail job of a whole trail (no account range), with its outbox row's id. */
export interface StandalonePass {
  readonly trailId: string;
  readonly generation: number;
  readonly jobId: string;
}

/**
 * `done`: reconciled, observed and its outbox row removed; `skipped`: the trail is gone or changed
 * again (outbox row removed, the newer generation's job takes over); `batched`: an organization
 * trail (or a generation not reached yet), left untouched for the batched path.
 */
export type StandaloneOutcome = 'done' | 'skipped' | 'batched';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Jobs per round trip: more than a worker's concurrency ever has in flight. */
const MAX_PASSES = 64;
/**
 * Batches out at once, on connections of their own: a batch's time is largely its commit's WAL
 * flush, which the next batch's work then overlaps. Each locks its trails in id order, so two
 * batches wait for each other over a shared trail, never deadlock.
 */
const PASSES_IN_FLIGHT = 2;
const PREPARED = 'trailplane_standalone_pass';

/**
 * The jobs' passes ($1 trails, $2 generations, $3 outbox ids), once their trails are locked: the
 * desired replicas of the trails still at the job's generation and outside any organization,
 * applied; those generations observed; each job's outcome; the outbox rows of the finished jobs
 * removed. Trails and outbox rows are found through their keys (`= ANY`), whatever the size of
 * either table.
 */
const PASS_SQL = `WITH jobs AS (SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[]) AS j(trail_id, generation, job_id)),
  ${standaloneDesiredCte('t.id = ANY($1::uuid[]) AND (t.id, t.generation) IN (SELECT trail_id, generation FROM jobs)')},
  ${applyDesiredToLockedCtes('x.trail_id IN (SELECT id FROM t)')},
  observed AS (
    UPDATE trails SET observed_generation = generation, propagation_error = NULL, propagation_failed_at = NULL
     WHERE id IN (SELECT id FROM t) AND observed_generation < generation),
  outcomes AS (
    SELECT j.job_id,
           CASE WHEN cur.id IS NULL OR cur.generation > j.generation THEN 'skipped'
                WHEN cur.id IN (SELECT id FROM t) THEN 'done'
                ELSE 'batched' END AS outcome
      FROM jobs j LEFT JOIN trails cur ON cur.id = j.trail_id),
  removed AS (
    DELETE FROM job_outbox WHERE id = ANY(ARRAY(SELECT job_id FROM outcomes WHERE outcome <> 'batched')))
  SELECT job_id, outcome FROM outcomes`;

/**
 * The small-job path of ReconcileTrail (P10): the whole job of a trail outside an organization —
 * lock the trail, reconcile its replicas, mark its generation observed, remove the job's outbox
 * row — in one round trip and one commit, and the jobs a worker runs together share that round
 * trip (`ReadBatcher`: up to PASSES_IN_FLIGHT batches out, the next one gathers meanwhile).
 *
 * The round trip is one simple-query message of two statements, which PostgreSQL runs as one
 * implicit transaction (all or nothing; a failure leaves the connection clean). The lock comes
 * first, as a statement of its own: in READ COMMITTED the second statement then takes its snapshot
 * after the lock is granted, so it sees everything an earlier holder of the trail committed, as
 * the lock-then-reconcile statements of `ReplicaReconciler` do. (A lock taken inside the
 * reconciling statement would read membership, Regions and replicas as of before the wait.) Simple
 * queries take no parameters: the values are inlined, as validated uuids and integers and as
 * escaped literals.
 */
@Injectable()
export class StandaloneTrailPasses {
  private readonly batcher: ReadBatcher<StandalonePass, StandaloneOutcome>;
  /** Connections that have the pass prepared (parsed once per connection, not per batch). */
  private readonly prepared = new WeakSet<PoolClient>();
  /** Fault injection for crash tests: widens the window between the writes and the commit. */
  private readonly faultDelayMs: number;

  constructor(
    private readonly dataSource: DataSource,
    env: EnvSchema,
  ) {
    this.faultDelayMs = Number(/reconcile-delay-ms=(\d+)/.exec(env.TRAILPLANE_FAULTS ?? '')?.[1] ?? 0);
    // The batch runs outside its jobs' async context: it carries their statement bound itself.
    this.batcher = new ReadBatcher(
      (passes) =>
        withStatementTimeout(env.TRAILPLANE_DB_JOB_STATEMENT_TIMEOUT_MS, () => this.runMany(passes)),
      MAX_PASSES,
      PASSES_IN_FLIGHT,
    );
  }

  /** Runs one job's pass with those of the jobs running alongside it. */
  run(pass: StandalonePass): Promise<StandaloneOutcome> {
    if (!UUID.test(pass.trailId) || !Number.isSafeInteger(pass.generation)) {
      return Promise.resolve('batched');
    }
    return this.batcher.load(pass);
  }

  private async runMany(passes: readonly StandalonePass[]): Promise<StandaloneOutcome[]> {
    const trails = `ARRAY[${passes.map((p) => `'${p.trailId}'`).join(',')}]::uuid[]`;
    const generations = `ARRAY[${passes.map((p) => p.generation).join(',')}]::int[]`;
    const jobIds = `ARRAY[${passes.map((p) => escapeLiteral(p.jobId)).join(',')}]::text[]`;
    const statements = [
      // In id order, as `ReplicaReconciler.lockTrails` locks: concurrent passes wait, never deadlock.
      `SELECT 1 FROM trails WHERE id = ANY(${trails}) ORDER BY id FOR NO KEY UPDATE`,
      `EXECUTE ${PREPARED}(${trails}, ${generations}, ${jobIds})`,
    ];
    if (this.faultDelayMs > 0) statements.push(`SELECT pg_sleep(${this.faultDelayMs / 1000})`);
    const client = await ((this.dataSource.driver as PostgresDriver).master as Pool).connect();
    try {
      if (!this.prepared.has(client)) {
        await client.query(`PREPARE ${PREPARED}(uuid[], int[], text[]) AS ${PASS_SQL}`);
        this.prepared.add(client);
      }
      const results = (await client.query(statements.join(';\n'))) as unknown as QueryResult[];
      const rows = results[1].rows as Array<{ job_id: string; outcome: StandaloneOutcome }>;
      const outcomes = new Map(rows.map((r) => [r.job_id, r.outcome]));
      return passes.map((p) => outcomes.get(p.jobId) ?? 'batched');
    } finally {
      client.release();
    }
  }
}

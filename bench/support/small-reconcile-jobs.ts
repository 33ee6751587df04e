import { JobName, JobQueue, TransactionRunner } from '@app/platform';
import { type Client } from 'pg';
import { type BenchApp } from './bench-app';
import { type Cell, type ScratchTable } from './bulk-baseline';
import { benchLog, fmt, loadAverage, median, REPETITIONS, type Row, row, sleep } from './report';

const log = benchLog('propagation');

/**
 * P10 through the service's own job machinery: `trailIds` are standalone multi-Region trails (one
 * account each, so one ReconcileTrail job writes one replica per Region). Each round deletes their
 * replicas, bumps their generation and enqueues one ReconcileTrail job per trail through the real
 * queue (outbox rows in one transaction, then BullMQ adds of up to 64 jobs each); the time until
 * every trail is observed (the in-process worker at its configured concurrency: read, lock,
 * reconcile, mark observed, complete the outbox entry) against multi-row INSERT of the same rows.
 */
export async function smallReconcileJobs(
  app: BenchApp,
  db: Client,
  scratch: ScratchTable,
  trailIds: readonly string[],
): Promise<Row[]> {
  const jobs = app.api.get(JobQueue);
  const tx = app.api.get(TransactionRunner);
  const samples = { jobs: [] as number[], raw: [] as number[] };
  let rowsPerJob = 0;
  let total = 0;
  for (let round = 0; round <= REPETITIONS; round++) {
    await db.query(`DELETE FROM trail_replicas WHERE trail_id = ANY($1::uuid[])`, [trailIds]);
    const { rows: bumped } = await db.query<{ id: string; generation: number }>(
      `UPDATE trails SET generation = generation + 1 WHERE id = ANY($1::uuid[]) RETURNING id, generation`,
      [trailIds],
    );
    const t0 = performance.now();
    // One producer transaction, as the bench's own P10 queue adds its jobs in bulk: the outbox
    // rows commit together, then each job is pushed to BullMQ.
    await tx.run(async () => {
      for (const trail of bumped) {
        await jobs.enqueue(JobName.ReconcileTrail, {
          trailId: trail.id,
          generation: trail.generation,
          afterAccountId: '',
        });
      }
    });
    for (;;) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM trails WHERE id = ANY($1::uuid[]) AND observed_generation >= generation`,
        [trailIds],
      );
      if (rows[0].n === trailIds.length) break;
      await sleep(2);
    }
    const jobsMs = performance.now() - t0;
    const { rows } = await db.query<{
      trail_id: string;
      account_id: string;
      region: string;
      generation: number;
    }>(
      `SELECT trail_id, account_id, region, generation FROM trail_replicas WHERE trail_id = ANY($1::uuid[])`,
      [trailIds],
    );
    const cells = rows.map((r): Cell[] => [r.trail_id, r.account_id, r.region, r.generation]);
    const rawMs = await scratch.insert(cells);
    total = rows.length;
    rowsPerJob = rows.length / trailIds.length;
    log(
      `${round === 0 ? 'warm-up' : `round ${round}`}: P10 (service) ${trailIds.length} ReconcileTrail jobs × ${fmt(rowsPerJob)} rows ` +
        `in ${fmt(jobsMs)} ms, raw INSERT ${fmt(rawMs)} ms; load ${loadAverage()}`,
    );
    if (round > 0) {
      samples.jobs.push(jobsMs);
      samples.raw.push(rawMs);
    }
  }
  const jobsRate = (total * 1000) / median(samples.jobs);
  const rawRate = (total * 1000) / median(samples.raw);
  return [
    row(
      `P10 (service) rows/s through ReconcileTrail jobs of ${fmt(rowsPerJob)} rows (${fmt(trailIds.length)} standalone multi-Region trails, enqueued through the outbox in one transaction, 64 to a BullMQ job, propagation worker concurrency ${app.env.TRAILPLANE_PROPAGATION_CONCURRENCY})`,
      jobsRate,
      `${fmt(rawRate)} (multi-row INSERT, 1,000 rows per statement)`,
      jobsRate / rawRate,
      { atLeast: 0.7 },
    ),
  ];
}

/**
 * `npm run bench:coverage` (issue 15): a script, not a timed test. On a fresh Trailplane, an
 * organization of COVERAGE_ACCOUNTS accounts (default 1000, the management account included) with
 * one multi-Region organization trail fully propagated and one delivered log file per account and
 * Region; then the console's coverage matrix, GET /v1/coverage (every account × every Region in
 * the catalogue), timed end to end over HTTP against a plain read of the same replica rows.
 * Each figure is the median of REPETITIONS × 3 calls after a warm-up. Environment:
 * BENCH_DATABASE_URL, BENCH_REDIS_URL, COVERAGE_ACCOUNTS.
 */
import { Client } from 'pg';
import { BENCH_OPERATOR, startBenchApp } from './support/bench-app';
import { createAccount, createOrganization, seedMembers } from './support/fixtures';
import {
  benchLog,
  fmt,
  loadAverage,
  median,
  printReport,
  REPETITIONS,
  row,
  runMain,
  sleep,
} from './support/report';
import { expectStatus, SignedClient } from './support/signed-client';

const log = benchLog('coverage');
const ACCOUNTS = Number(process.env.COVERAGE_ACCOUNTS ?? 1000);
const CALLS = REPETITIONS * 3;

async function main(): Promise<void> {
  const load = loadAverage();
  const app = await startBenchApp();
  const db = new Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    const operator = new SignedClient(app.url, BENCH_OPERATOR);
    const management = operator.as(await createAccount(operator, 'coverage'));
    const organization = await createOrganization(management);
    await seedMembers(db, organization.id, ACCOUNTS - 1);
    expectStatus(
      await management.rest('PUT', '/v1/organization/service-access/cloudtrail.amazonaws.com'),
      204,
      'EnableAWSServiceAccess',
    );
    const { trailArn } = expectStatus(
      await management.rest('POST', '/v1/trails', {
        name: 'coverage-audit',
        s3BucketName: 'coverage-audit-logs',
        isMultiRegionTrail: true,
        isOrganizationTrail: true,
      }),
      201,
      'CreateTrail',
    ).json<{ trailArn: string }>();
    const replicas = await propagated(db, trailArn);
    // One delivered file per replica, so every cell reads its latest delivery.
    await db.query(
      `INSERT INTO delivered_log_files (trail_id, account_id, region, bucket, key, delivered_at, records, bytes,
                                        sha256, oldest_event_time, newest_event_time)
       SELECT trail_id, account_id, region, 'coverage-audit-logs', account_id || '/' || region, now(), 1, 100,
              repeat('0', 64), now(), now()
         FROM trail_replicas r JOIN trails t ON t.id = r.trail_id WHERE t.arn = $1`,
      [trailArn],
    );
    await db.query('ANALYZE trail_replicas, delivered_log_files');
    log(`${ACCOUNTS} accounts, ${replicas} replicas and delivered files ready`);

    const matrix: number[] = [];
    const plain: number[] = [];
    let bytes = 0;
    let cells = 0;
    for (let call = 0; call <= CALLS; call++) {
      const t0 = performance.now();
      const response = expectStatus(await management.rest('GET', '/v1/coverage'), 200, 'GetCoverage');
      const t1 = performance.now();
      await db.query(`SELECT account_id, region, trail_id FROM trail_replicas ORDER BY account_id, region`);
      const t2 = performance.now();
      if (call === 0) {
        const body = response.json<{ accounts: Array<{ cells: unknown[] }> }>();
        cells = body.accounts.reduce((sum, account) => sum + account.cells.length, 0);
        bytes = response.text.length;
        continue;
      }
      matrix.push(t1 - t0);
      plain.push(t2 - t1);
      await sleep(10);
    }
    const value = median(matrix);
    const baseline = median(plain);
    printReport(
      'coverage',
      [
        row(
          `GET /v1/coverage, ${fmt(ACCOUNTS)} accounts × Regions = ${fmt(cells)} cells (${fmt(Math.round(bytes / 1024))} KB): one call (ms)`,
          value,
          `${fmt(baseline)} (SELECT of the ${fmt(replicas)} replica rows)`,
          value / baseline,
        ),
      ],
      load,
    );
  } finally {
    await db.end();
    await app.close();
  }
}

async function propagated(db: Client, arn: string): Promise<number> {
  for (;;) {
    const { rows } = await db.query<{ done: boolean; replicas: number }>(
      `SELECT t.observed_generation >= t.generation AS done,
              (SELECT count(*)::int FROM trail_replicas r WHERE r.trail_id = t.id) AS replicas
         FROM trails t WHERE t.arn = $1`,
      [arn],
    );
    if (rows[0]?.done) return rows[0].replicas;
    await sleep(50);
  }
}

runMain(main);

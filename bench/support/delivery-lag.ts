import { type Client } from 'pg';
import { type BenchApp } from './bench-app';
import { createAccount, createOrganization, joinOrganization, mapConcurrently } from './fixtures';
import { benchLog, fmt, loadAverage, percentile, type Row, row, sleep } from './report';
import { newlyDelivered } from './service-event-load';
import { expectStatus, type SignedClient, type SignedResponse } from './signed-client';

/**
 * Issue 12 §5's second figure: the end-to-end lag of log delivery under mixed API traffic. A new
 * organization (its management account and LAG_ACCOUNTS - 1 invited members, each with a logging
 * trail of its own in its home Region) with a multi-Region organization trail writing to a bucket
 * of the built-in store; then LAG_RPS requests per second for LAG_SECONDS (open loop, as the soak
 * bench sends them): 80 % reads, 20 % writes, REST and AWS JSON, each account calling in its home
 * Region or any of REGIONS. A call's lag runs from its answer (the client receiving it: the event is
 * recorded by then, or within the recorder's 50 ms for reads) to the stored write time of the log
 * file that holds its event (`last_modified`, this process's clock).
 */

const log = benchLog('delivery');
const LAG_ACCOUNTS = 8;
const LAG_RPS = Number(process.env.DELIVERY_BENCH_LAG_RPS ?? 100);
const LAG_SECONDS = Number(process.env.DELIVERY_BENCH_LAG_SECONDS ?? 30);
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1'];
/** How long the last calls may take to be delivered before the missing ones fail the figure. */
const DRAIN_MS = 60_000;

interface Caller {
  readonly home: SignedClient;
  readonly trail: string;
  readonly trailArn: string;
  validation: boolean;
}

/** One call of the mix, in `anywhere` (a Region for calls that name no trail), and its expected status. */
type Call = (caller: Caller, anywhere: SignedClient) => [Promise<SignedResponse>, number];

const tag = [{ Key: 'team', Value: 'platform' }];
const MIX: Array<[number, Call]> = [
  [20, (c) => [c.home.rest('GET', `/v1/trails/${c.trail}`), 200]],
  [15, (_, r) => [r.cloudtrail('DescribeTrails', {}), 200]],
  [10, (_, r) => [r.rest('GET', '/v1/trails'), 200]],
  [10, (c) => [c.home.cloudtrail('GetTrailStatus', { Name: c.trail }), 200]],
  [15, (_, r) => [r.cloudtrail('LookupEvents', { MaxResults: 50 }), 200]],
  [10, (c) => [c.home.rest('GET', `/v1/trails/${encodeURIComponent(c.trailArn)}/tags`), 200]],
  [
    8,
    (c) => {
      c.validation = !c.validation;
      return [c.home.rest('PATCH', `/v1/trails/${c.trail}`, { enableLogFileValidation: c.validation }), 200];
    },
  ],
  [6, (c) => [c.home.cloudtrail('AddTags', { ResourceId: c.trailArn, TagsList: tag }), 200]],
  [6, (c) => [c.home.cloudtrail('RemoveTags', { ResourceId: c.trailArn, TagsList: tag }), 200]],
];

function pick(x: number): Call {
  let acc = 0;
  for (const [weight, call] of MIX) {
    acc += weight;
    if (x < acc) return call;
  }
  return MIX[MIX.length - 1][1];
}

export async function deliveryLag(app: BenchApp, db: Client, operator: SignedClient): Promise<Row[]> {
  const interval = app.env.TRAILPLANE_DELIVERY_INTERVAL_SECONDS * 1000;
  const management = operator.as(await createAccount(operator, 'lag-mgmt'), REGIONS[0]);
  await createOrganization(management);
  // One at a time: on a loaded machine, parallel set-up calls meet the request path's bounds (503).
  const members = await mapConcurrently(
    Array.from({ length: LAG_ACCOUNTS - 1 }, (_, i) => i + 1),
    1,
    async (i) => {
      const member = operator.as(await createAccount(operator, `lag-${i}`), REGIONS[i % REGIONS.length]);
      await joinOrganization(management, member);
      return member;
    },
  );
  const callers = await mapConcurrently([management, ...members], 1, async (home, i) => {
    const trail = `lag-${i}`;
    const { trailArn } = expectStatus(
      await home.rest('POST', '/v1/trails', { name: trail, s3BucketName: 'bench-logs' }),
      201,
      'CreateTrail',
    ).json<{ trailArn: string }>();
    expectStatus(await home.rest('POST', `/v1/trails/${trail}/logging`), 204, 'StartLogging');
    return { home, trail, trailArn, validation: false };
  });
  const bucket = `delivery-lag-${Date.now().toString(36)}`;
  const created = expectStatus(
    await management.rest('POST', '/v1/trails', {
      name: 'delivery-lag',
      s3BucketName: bucket,
      isMultiRegionTrail: true,
      isOrganizationTrail: true,
      createBucket: true,
    }),
    201,
    'CreateTrail',
  ).json<{ trailArn: string }>();
  expectStatus(
    await management.rest('POST', `/v1/trails/${encodeURIComponent(created.trailArn)}/logging`),
    204,
    'StartLogging',
  );
  log(`lag: ${LAG_ACCOUNTS} accounts ready; ${LAG_RPS} req/s for ${LAG_SECONDS} s (load ${loadAverage()})`);

  const answeredAt = new Map<string, number>();
  const failures = new Map<string, number>();
  let inFlight = 0;
  const latencies: number[] = [];
  const fire = (index: number): void => {
    const sentAt = Date.now();
    const caller = callers[index % callers.length];
    const anywhere = caller.home.inRegion(REGIONS[Math.floor(Math.random() * REGIONS.length)]);
    const [answer, expected] = pick(Math.floor(Math.random() * 100))(caller, anywhere);
    inFlight++;
    answer
      .then(
        (response) => {
          const requestId = response.headers['x-amzn-requestid'];
          if (response.status === expected && typeof requestId === 'string') {
            answeredAt.set(requestId, Date.now());
            latencies.push(Date.now() - sentAt);
          } else {
            const reason = `${response.status} ${response.text.slice(0, 120)}`;
            failures.set(reason, (failures.get(reason) ?? 0) + 1);
          }
        },
        (error: unknown) => failures.set(String(error), (failures.get(String(error)) ?? 0) + 1),
      )
      .finally(() => inFlight--);
  };
  const started = performance.now();
  let index = 0;
  while (performance.now() - started < LAG_SECONDS * 1000) {
    const due = Math.floor(((performance.now() - started) * LAG_RPS) / 1000);
    for (; index < due; index++) fire(index);
    await sleep(5);
  }
  const sentRps = (index * 1000) / (performance.now() - started);
  while (inFlight > 0) await sleep(20);
  for (const [reason, count] of failures) log(`lag: failure ×${count}: ${reason}`);

  const eventOf = await eventIds(db, [...answeredAt.keys()]);
  const lags: number[] = [];
  const seen = new Set<string>();
  const deadline = Date.now() + DRAIN_MS;
  while (lags.length < eventOf.size && Date.now() < deadline) {
    for (const [eventId, writtenAt] of await newlyDelivered(db, bucket, seen)) {
      const answered = answeredAt.get(eventOf.get(eventId) ?? '');
      if (answered !== undefined) lags.push(writtenAt - answered);
    }
    if (lags.length < eventOf.size) await sleep(500);
  }
  log(
    `lag: ${lags.length} of ${answeredAt.size} calls delivered; ${fmt(sentRps)} req/s sent, ` +
      `answered in p50 ${fmt(percentile(latencies, 50))} / p99 ${fmt(percentile(latencies, 99))} ms`,
  );
  const complete = lags.length === answeredAt.size;
  const p99 = complete ? percentile(lags, 99) : Number.NaN;
  const baseline = `interval ${fmt(interval)} ms`;
  return [
    row(
      `end-to-end lag, call answered → in a delivered file (org trail, ${fmt(sentRps)} req/s mixed, ${LAG_SECONDS} s), p50 (ms)`,
      percentile(lags, 50),
      baseline,
    ),
    row(
      `  p99 (ms; ${lags.length} of ${answeredAt.size} calls delivered, ${[...failures.values()].reduce((a, b) => a + b, 0)} failed)`,
      p99,
      baseline,
      p99 / interval,
      { atMost: (interval + 2_000) / interval },
    ),
  ];
}

/** The event ids of the calls (request id → event id, inverted: event id → request id). */
async function eventIds(db: Client, requestIds: readonly string[]): Promise<Map<string, string>> {
  const byEvent = new Map<string, string>();
  const deadline = Date.now() + 5_000;
  while (byEvent.size < requestIds.length && Date.now() < deadline) {
    const { rows } = await db.query<{ event_id: string; request_id: string }>(
      `SELECT event_id::text, request_id FROM events WHERE request_id = ANY($1::text[])`,
      [requestIds],
    );
    for (const r of rows) byEvent.set(r.event_id, r.request_id);
    if (byEvent.size < requestIds.length) await sleep(100);
  }
  return byEvent;
}

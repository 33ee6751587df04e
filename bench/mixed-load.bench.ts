/**
 * `npm run bench:mixed` (issue 16 §3): the mixed-load ceiling through two API replicas. Two child
 * processes, each an API with its BullMQ worker (`startBenchApp`, throttling off), share one
 * PostgreSQL database and one Redis queue prefix; this process sends the soak's mixed traffic
 * (`support/mixed-traffic.ts`, open loop, latency from the scheduled time) over MIXED_ACCOUNTS
 * accounts (default 100), half through each replica, stepping the offered rate (MIXED_RATES,
 * default 25,50,100,150,200,300,400,600,800,1000,1200,1600 req/s; MIXED_STEP_SECONDS each, default 25, after a
 * MIXED_WARM_UP_SECONDS warm-up, default 10). Steps stop once p99 passes 1 s (past the ceiling the
 * backlog only grows).
 *
 * Prints p50 / p99 / max and the achieved rate at each step, and the ceiling: the highest offered
 * rate whose p99 is ≤ 250 ms with no errors, the client having offered at least 95 % of it. Where the time goes is logged per step (stderr):
 * latency by request, the replicas' event-loop delay and CPU time per request (and the client's),
 * and a sampling of the database's busy backends (wait events, statements, ungranted locks).
 * MIXED_CPU_PROF=<dir> runs the first replica under `--cpu-prof`.
 */
import { Agent } from 'node:http';
import { BENCH_OPERATOR } from './support/bench-app';
import { type BenchServer, forkBenchServer, isBenchServer, serveBenchApp } from './support/bench-server';
import { DatabaseWaitSampler } from './support/db-waits';
import { createMixedAccounts, MIXED_REGIONS, MixedTraffic, TrafficSample } from './support/mixed-traffic';
import {
  benchLog,
  fmt,
  loadAverage,
  percentile,
  printReport,
  type Row,
  row,
  runMain,
} from './support/report';
import { SignedClient } from './support/signed-client';

const log = benchLog('mixed');
const RATES = (process.env.MIXED_RATES ?? '25,50,100,150,200,300,400,600,800,1000,1200,1600')
  .split(',')
  .map(Number);
const STEP_MS = Number(process.env.MIXED_STEP_SECONDS ?? 25) * 1000;
const WARM_UP_MS = Number(process.env.MIXED_WARM_UP_SECONDS ?? 10) * 1000;
const ACCOUNTS = Number(process.env.MIXED_ACCOUNTS ?? 100);
const P99_GOAL_MS = 250;
const GIVE_UP_P99_MS = 1_000;
/** A step counts toward the ceiling only if the client really offered its rate (within 5 %). */
const ACHIEVED_SHARE = 0.95;

interface Step {
  readonly rate: number;
  readonly achieved: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly errors: number;
  readonly sent: number;
}

async function main(): Promise<void> {
  const load = loadAverage();
  const profileDir = process.env.MIXED_CPU_PROF;
  const first = await forkBenchServer(__filename, {
    execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  const replicas: BenchServer[] = [first];
  const agents: Agent[] = [];
  let sampler: DatabaseWaitSampler | undefined;
  try {
    replicas.push(await forkBenchServer(__filename, { attach: first.shared }));
    const operators = replicas.map((replica) => {
      // Enough sockets that the client never queues what the replica could answer.
      const agent = new Agent({ keepAlive: true, maxSockets: 512 });
      agents.push(agent);
      return new SignedClient(replica.url, BENCH_OPERATOR, MIXED_REGIONS[0], agent);
    });
    const accounts = await createMixedAccounts(operators, ACCOUNTS, 'mixed');
    log(`${ACCOUNTS} accounts ready over ${replicas.length} replicas; warm-up ${WARM_UP_MS / 1000} s`);
    const traffic = new MixedTraffic(accounts);
    await traffic.run(RATES[0], WARM_UP_MS, () => undefined);
    await traffic.drain();

    // A shared server out of connections costs the sampling, not the benchmark.
    sampler = await DatabaseWaitSampler.start(first.shared.database).catch((error: unknown) => {
      log(`no database sampling: ${String(error)}`);
      return undefined;
    });
    sampler?.take();
    await Promise.all(replicas.map((replica) => replica.stats()));
    const steps: Step[] = [];
    for (const rate of RATES) {
      const sample = new TrafficSample();
      const clientCpu = process.cpuUsage();
      await traffic.run(rate, STEP_MS, () => sample);
      await traffic.drain();
      const all = sample.all;
      const step: Step = {
        rate,
        achieved: (all.length * 1000) / STEP_MS,
        p50: percentile(all, 50),
        p99: percentile(all, 99),
        max: Math.max(...all),
        errors: sample.errors,
        sent: sample.sent,
      };
      steps.push(step);
      const loops = await Promise.all(replicas.map((replica) => replica.stats()));
      const client = process.cpuUsage(clientCpu);
      const perRequest = (cpuMs: number) => fmt(cpuMs / Math.max(1, sample.sent));
      log(
        `${rate} req/s: achieved ${fmt(step.achieved)}, p50 ${fmt(step.p50)} / p99 ${fmt(step.p99)} / max ${fmt(step.max)} ms, ` +
          `${step.errors} errors; event-loop delay p99 / max ${loops.map((l) => `${fmt(l.loopDelayP99)} / ${fmt(l.loopDelayMax)}`).join(' · ')} ms; ` +
          `CPU ms per request: replicas ${perRequest(loops.reduce((sum, l) => sum + l.cpuMs, 0))}, client ${perRequest((client.user + client.system) / 1000)}; load ${loadAverage()}`,
      );
      for (const [what, latencies] of sample.byRequest) {
        log(
          `  ${what}: p50 ${fmt(percentile(latencies, 50))} / p99 ${fmt(percentile(latencies, 99))} ms (${latencies.length})`,
        );
      }
      for (const line of sampler?.take() ?? []) log(`  ${line}`);
      for (const [reason, count] of sample.failures) log(`  failure ×${count}: ${reason}`);
      if (!(step.p99 <= GIVE_UP_P99_MS)) break;
    }
    printReport('mixed', rows(steps), load);
  } finally {
    await sampler?.stop();
    for (const agent of agents) agent.destroy();
    // The replica that made the database stops last: it drops it.
    for (const replica of [...replicas].reverse()) await replica.stop();
  }
}

function rows(steps: readonly Step[]): Row[] {
  const within = steps.filter(
    (s) => s.p99 <= P99_GOAL_MS && s.errors === 0 && s.achieved >= ACHIEVED_SHARE * s.rate,
  );
  const ceiling = within.length > 0 ? Math.max(...within.map((s) => s.rate)) : 0;
  return [
    ...steps.map((s) =>
      row(
        `Mixed load, 2 replicas, ${s.rate} req/s offered: p50 / p99 / max (ms), ${s.errors} errors of ${s.sent}`,
        `${fmt(s.p50)} / ${fmt(s.p99)} / ${fmt(s.max)}`,
        `achieved ${fmt(s.achieved)} req/s`,
        s.achieved / s.rate,
      ),
    ),
    {
      figure: `Mixed load ceiling, 2 replicas: highest offered rate with p99 ≤ ${P99_GOAL_MS} ms, no errors, ≥ 95 % achieved (req/s; steps ${RATES.join(', ')})`,
      value: fmt(ceiling),
      baseline: 'none',
      ratio: '—',
      goal: `p99 ≤ ${P99_GOAL_MS} ms`,
      met: ceiling > 0,
    },
  ];
}

if (isBenchServer()) serveBenchApp();
else runMain(main);

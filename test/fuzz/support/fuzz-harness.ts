import { EventRecorder } from '@app/events';
import fc, { type Arbitrary } from 'fast-check';
import { type TestApp } from '../../support/test-app';
import { describeCall, describeResponse, type FuzzCall } from './fuzz-call';
import { type FuzzSettings, seedFor } from './fuzz-settings';
import { errorCodeOf, shapeProblems } from './protocol-shape';
import { SignedWire, type WireResponse } from './signed-wire';
import { changedTables, type Snapshot, StateReader } from './state-snapshot';

/** Properties checked per operation: what it is called and how its calls are generated. */
export interface PropertyTarget {
  readonly key: string;
  readonly readOnly: boolean;
  readonly calls: Arbitrary<FuzzCall>;
}

interface Outcome {
  readonly key: string;
  readonly call: FuzzCall;
  readonly status: number;
  /** A success of a mutating operation (or a fault): the state may legitimately have changed. */
  readonly mayWrite: boolean;
}

const CHECK_EVERY = 48;

function debug(message: string): void {
  if (process.env.FUZZ_DEBUG) process.stderr.write(`[fuzz ${new Date().toISOString()}] ${message}\n`);
}
const MAX_REPLAYS = 200;
/** Below this share of refusals checked for writes, the property fails as too weak to mean anything. */
const MIN_CHECKED_SHARE = 0.75;
const EVENTS_STUCK = 'the event history stopped';
/**
 * How long before an interval's end its delivery may already be under way: the tick waits up to a
 * second for open transactions before it enqueues, so its writes can land after a checkpoint.
 */
const DELIVERY_LEAD_MS = 2_000;

/** Own property names of the prototypes an attacker would pollute, as found before the run. */
const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype };
const PRISTINE = new Map(
  Object.entries(PROTOTYPES).map(([name, proto]) => [name, Object.getOwnPropertyNames(proto)]),
);

/** Names added to Object/Array/Function prototypes since the suite loaded (`polluted`, …). */
export function prototypePollution(): string[] {
  const added: string[] = [];
  for (const [name, proto] of Object.entries(PROTOTYPES)) {
    const before = new Set(PRISTINE.get(name));
    for (const key of Object.getOwnPropertyNames(proto))
      if (!before.has(key)) added.push(`${name}.prototype.${key}`);
  }
  if (({} as Record<string, unknown>).polluted !== undefined) added.push('({}).polluted');
  return added;
}

/**
 * Sends fuzz calls and checks them: the answer's protocol shape on every call, prototype pollution
 * after every call, and "nothing written on a 4xx" per window of calls. Calls run concurrently; a
 * checkpoint every few dozen calls holds new calls back, waits for in-flight ones and the in-process
 * jobs, and compares the state with the previous checkpoint's. A window with only refusals (and
 * successful reads) must leave it unchanged; when it did not, its refused calls are replayed one
 * at a time, each between two snapshots, to find the one that writes. At each checkpoint every
 * buffered event must also reach the history. A run where under MIN_CHECKED_SHARE of the refusals
 * could be checked for writes (too many successful writes in their windows) fails as too weak.
 */
export class FuzzHarness {
  readonly wire: SignedWire;
  /** Refused calls that wrote, and event histories that stopped (found at checkpoints). */
  readonly violations: string[] = [];
  /** Runs each property made (fewer than asked when it failed). */
  readonly runsByKey = new Map<string, number>();
  readonly statusCounts = new Map<string, Map<string, number>>();
  checkedRefusals = 0;
  uncheckedRefusals = 0;
  private elapsedMs = 0;
  private window: Outcome[] = [];
  private active = 0;
  private barrier: Promise<void> | undefined;
  private drained: (() => void) | undefined;
  private baseline: Snapshot | undefined;
  private baselineAt = 0;

  private readonly recorder: EventRecorder;

  private constructor(
    private readonly app: TestApp,
    private readonly state: StateReader,
    private readonly settings: FuzzSettings,
    private readonly deliveryIntervalMs: number,
  ) {
    this.wire = new SignedWire(app.url, settings.concurrency * 2);
    this.recorder = app.get(EventRecorder);
  }

  /** `deliveryIntervalMs`: the app's log file and digest interval (both the same). */
  static async start(app: TestApp, settings: FuzzSettings, deliveryIntervalMs: number): Promise<FuzzHarness> {
    const harness = new FuzzHarness(
      app,
      await StateReader.connect(app.databaseUrl),
      settings,
      deliveryIntervalMs,
    );
    await harness.checkpoint();
    return harness;
  }

  async close(): Promise<void> {
    this.wire.close();
    await this.state.close();
  }

  /** Sends one call (after any checkpoint in progress) and records its outcome for the write check. */
  async call(key: string, readOnly: boolean, call: FuzzCall): Promise<WireResponse> {
    while (this.barrier) await this.barrier;
    this.active++;
    let response: WireResponse;
    try {
      response = await this.wire.send(call.identity.credentials, call.wire);
    } finally {
      this.active--;
      if (this.active === 0) this.drained?.();
    }
    const mayWrite = response.status >= 500 || (response.status < 400 && !readOnly);
    this.window.push({ key, call, status: response.status, mayWrite });
    this.count(key, `${response.status} ${errorCodeOf(call.protocol, response)}`);
    if (this.window.length >= CHECK_EVERY) await this.checkpoint();
    return response;
  }

  /**
   * Compares the state with the last checkpoint's when every call since was refused (or only read),
   * then takes the new baseline. Holds new calls back while it runs.
   */
  async checkpoint(): Promise<void> {
    if (this.barrier) return this.barrier;
    let release!: () => void;
    this.barrier = new Promise<void>((resolve) => (release = resolve));
    try {
      debug(`checkpoint: waiting for ${this.active} calls`);
      if (this.active > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = undefined;
      debug('checkpoint: waiting for jobs');
      await this.app.jobsIdle();
      const window = this.window;
      this.window = [];
      await this.checkEventsRecorded(window);
      debug('checkpoint: snapshot');
      const refusals = window.filter((o) => o.status >= 400 && o.status < 500);
      let now = await this.state.snapshot();
      const takenAt = Date.now();
      if (
        this.baseline &&
        !window.some((o) => o.mayWrite) &&
        !this.deliveredBetween(this.baselineAt, takenAt)
      ) {
        this.checkedRefusals += refusals.length;
        const changed = changedTables(this.baseline, now);
        if (changed.length > 0) {
          await this.findWriter(refusals, changed);
          now = await this.state.snapshot();
        }
      } else {
        this.uncheckedRefusals += refusals.length;
      }
      this.baseline = now;
      this.baselineAt = takenAt;
    } finally {
      this.barrier = undefined;
      release();
    }
  }

  /** Whether an interval ended (so log files and digests may have been written) between two snapshots. */
  private deliveredBetween(from: number, to: number): boolean {
    return (
      Math.floor((from - DELIVERY_LEAD_MS) / this.deliveryIntervalMs) !==
      Math.floor(to / this.deliveryIntervalMs)
    );
  }

  /**
   * Every call's event must reach the history: buffered events (reads, refusals) that cannot be
   * written stay buffered and block all later ones, so an unstorable input would hide every call.
   */
  private async checkEventsRecorded(window: readonly Outcome[]): Promise<void> {
    await this.recorder.flush();
    if (this.recorder.depth === 0 || this.violations.some((v) => v.startsWith(EVENTS_STUCK))) return;
    this.violations.push(
      `${EVENTS_STUCK}: ${this.recorder.depth} events could not be written after calls to` +
        ` ${[...new Set(window.map((o) => o.key))].join(', ')} (FUZZ_SEED=${this.settings.seed};` +
        ' TEST_LOG_LEVEL=warn shows the database error)',
    );
  }

  /** Replays refused calls one by one between snapshots to name the one that wrote. */
  private async findWriter(refusals: readonly Outcome[], changed: readonly string[]): Promise<void> {
    for (const outcome of refusals.slice(0, MAX_REPLAYS)) {
      const before = await this.state.snapshot();
      const response = await this.wire.send(outcome.call.identity.credentials, outcome.call.wire);
      await this.app.jobsIdle();
      const written = changedTables(before, await this.state.snapshot());
      if (written.length > 0 && response.status >= 400) {
        this.violations.push(
          `[${outcome.key}] a refused call wrote ${written.join(', ')}` +
            `\n    ${describeCall(outcome.call)}\n    → ${describeResponse(response)}` +
            `\n    replay: ${this.replayHint(outcome.key)}`,
        );
        return;
      }
    }
    this.violations.push(
      `a window of ${refusals.length} refused calls changed ${changed.join(', ')}; no single replay reproduced it.` +
        ` Operations in the window: ${[...new Set(refusals.map((o) => o.key))].join(', ')}` +
        ` (FUZZ_SEED=${this.settings.seed})`,
    );
  }

  replayHint(key: string): string {
    return `FUZZ_SEED=${this.settings.seed} FUZZ_ONLY=${JSON.stringify(key)}`;
  }

  private count(key: string, outcome: string): void {
    const counts = this.statusCounts.get(key) ?? new Map<string, number>();
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    this.statusCounts.set(key, counts);
  }

  /**
   * Runs one property per target (`settings.runs` calls each), `settings.concurrency` targets at a
   * time, and returns a failure report per target that broke: shape, 5xx or pollution, with its
   * counterexample and the environment to replay it.
   */
  async runProperties(targets: readonly PropertyTarget[]): Promise<string[]> {
    const selected = this.settings.only.length
      ? targets.filter((t) => this.settings.only.includes(t.key))
      : targets;
    const failures: string[] = [];
    const queue = [...selected];
    const worker = async (): Promise<void> => {
      for (let target = queue.shift(); target; target = queue.shift()) {
        const failure = await this.runProperty(target);
        if (failure) failures.push(failure);
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: this.settings.concurrency }, worker));
    await this.checkpoint();
    this.elapsedMs += Date.now() - started;
    const refusals = this.checkedRefusals + this.uncheckedRefusals;
    if (refusals > 0 && this.checkedRefusals < MIN_CHECKED_SHARE * refusals) {
      failures.push(
        `only ${this.checkedRefusals} of ${refusals} refused calls were checked for writes` +
          ` (windows with a successful write cannot be): the "nothing written" property is too weak`,
      );
    }
    return failures;
  }

  /** One line per run on stderr (targets, runs, calls, write checks, time); every outcome with FUZZ_VERBOSE. */
  report(): void {
    const runs = [...this.runsByKey.values()];
    const calls = [...this.statusCounts.values()].reduce(
      (sum, counts) => sum + [...counts.values()].reduce((a, b) => a + b, 0),
      0,
    );
    process.stderr.write(
      `fuzz: ${runs.length} properties, ${Math.min(...runs)}–${Math.max(...runs)} runs each, ${calls} calls` +
        ` in ${(this.elapsedMs / 1000).toFixed(1)} s; ${this.checkedRefusals} refusals checked for writes,` +
        ` ${this.uncheckedRefusals} not (seed ${this.settings.seed})\n`,
    );
    if (process.env.FUZZ_VERBOSE) process.stderr.write(`${this.summary()}\n`);
  }

  private async runProperty(target: PropertyTarget): Promise<string | undefined> {
    debug(`property ${target.key}`);
    const property = fc.asyncProperty(target.calls, async (call) => {
      const response = await this.call(target.key, target.readOnly, call);
      const problems = shapeProblems(call.protocol, response, call.wire.method);
      if (call.mustRefuse && response.status < 400)
        problems.push(`HTTP ${response.status} for a request that names no operation`);
      const pollution = prototypePollution();
      if (pollution.length > 0) problems.push(`prototype polluted: ${pollution.join(', ')}`);
      if (problems.length > 0) {
        throw new Error(
          `${problems.join('; ')}\n    ${describeCall(call)}\n    → ${describeResponse(response)}`,
        );
      }
    });
    const started = Date.now();
    const details = await fc.check(property, {
      numRuns: this.settings.runs,
      seed: seedFor(this.settings.seed, target.key),
      // A failing call is usually clear as it is; shrinking re-sends it many times.
      endOnFailure: process.env.FUZZ_SHRINK !== '1',
    });
    debug(`property ${target.key}: ${details.numRuns} runs in ${Date.now() - started} ms`);
    this.runsByKey.set(target.key, details.numRuns);
    if (!details.failed) return undefined;
    const error =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    return (
      `[${target.key}] failed after ${details.numRuns} runs (fast-check seed ${details.seed}, path ${details.counterexamplePath})` +
      `\n    replay: ${this.replayHint(target.key)}\n    ${error}`
    );
  }

  /** A per-operation table of outcomes (`400 ValidationException: 120`), for FUZZ_VERBOSE runs. */
  summary(): string {
    return [...this.statusCounts]
      .map(([key, counts]) => `${key}: ${[...counts].map(([k, n]) => `${k}×${n}`).join(', ')}`)
      .join('\n');
  }
}

/** Fails with every broken property and write violation spelled out (not a JSON diff). */
export function assertNoFailures(failures: readonly string[]): void {
  if (failures.length > 0) throw new Error(`${failures.length} fuzz failure(s):\n\n${failures.join('\n\n')}`);
}

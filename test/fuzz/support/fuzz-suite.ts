import { TestApp } from '../../support/test-app';
import { type CallContext } from './fuzz-calls';
import { FuzzHarness } from './fuzz-harness';
import { fuzzSettings } from './fuzz-settings';
import { buildWorld, type FuzzWorld } from './fuzz-world';
import { allMemberNames } from './operation-catalog';

/** One app per fuzz file, its world, and a harness that sends and checks the calls. */
export interface FuzzSuite {
  readonly app: TestApp;
  readonly world: FuzzWorld;
  readonly context: CallContext;
  readonly harness: FuzzHarness;
  close(): Promise<void>;
}

/**
 * Log files and digests are written when their interval ends, whoever called: a day each here, so
 * that hardly any window of calls spans one (the harness leaves those unchecked).
 */
const DELIVERY_INTERVAL_SECONDS = 86_400;

/**
 * Starts Trailplane for a fuzz file: in-process jobs (so a checkpoint can wait for them) and no
 * periodic sweep or delivery during the run (so nothing but the calls under test writes). `prepare`
 * adds to the world before the harness takes its first snapshot.
 */
export async function startFuzzSuite(
  prepare?: (app: TestApp, world: FuzzWorld) => Promise<void>,
): Promise<FuzzSuite> {
  const app = await TestApp.start({
    jobs: 'inline',
    env: {
      TRAILPLANE_SWEEP_INTERVAL_MS: '3600000',
      TRAILPLANE_DELIVERY_INTERVAL_SECONDS: String(DELIVERY_INTERVAL_SECONDS),
      TRAILPLANE_DIGEST_INTERVAL_SECONDS: String(DELIVERY_INTERVAL_SECONDS),
    },
  });
  try {
    const world = await buildWorld(app);
    await prepare?.(app, world);
    const context = { identities: world.identities, known: world.known, dictionary: allMemberNames() };
    const harness = await FuzzHarness.start(app, fuzzSettings(), DELIVERY_INTERVAL_SECONDS * 1000);
    return {
      app,
      world,
      context,
      harness,
      close: async () => {
        await harness.close();
        await app.close();
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}

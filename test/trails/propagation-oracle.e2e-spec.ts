import fc from 'fast-check';
import { TestApp } from '../support/test-app';
import { type Observed } from './support/propagation-database';
import { PropagationDriver } from './support/propagation-driver';
import { type Change, type PropagationModel, stepSequences, worldSpecs } from './support/propagation-model';

/**
 * Propagation has one implementation, the reconciler's SQL, and one statement of the rule,
 * `desiredReplicas` (DESIGN.md "Propagation"). This property holds them together: on random worlds
 * — a partition's default and opt-in Regions, up to eight accounts, one organization, up to six
 * trails — and random changes made through the use cases (trails created, deleted, flipped
 * multi-Region or organization; accounts joining and leaving; the organization dissolved and
 * founded again; Regions enabled, disabled, launched; replicas damaged and repaired by the sweep's
 * full pass), once the jobs they enqueue have run, the replicas in PostgreSQL are exactly what
 * `desiredReplicas` computes from the same world, all at their trail's generation, and every
 * trail's propagation is complete. Changes not followed by a settle race the jobs of the next
 * ones. Reconcile batches of two accounts make organization trails chain several jobs.
 *
 * The five-trail quota never removes a desired replica: organization-trail replicas land in member
 * accounts already at five (cloudtrail.md decision 5), and a creation or conversion over the quota
 * is refused and changes nothing, in the database as in the model.
 *
 * PROPAGATION_RUNS (default 200) worlds per run; PROPAGATION_SEED (and PROPAGATION_PATH) replay
 * the failure fast-check reports.
 */
const RUNS = Number(process.env.PROPAGATION_RUNS ?? 200);
const SEED = process.env.PROPAGATION_SEED ? Number(process.env.PROPAGATION_SEED) : Date.now() | 0;
const PATH = process.env.PROPAGATION_PATH;
const CHANGE_KINDS: ReadonlyArray<Change['kind']> = [
  'create-trail',
  'join',
  'leave',
  'enable-region',
  'disable-region',
  'launch-region',
  'flip-multi-region',
  'flip-organization',
  'delete-trail',
  'dissolve-organization',
  'found-organization',
  'repair',
];

let app: TestApp;
let driver: PropagationDriver;
beforeAll(async () => {
  app = await TestApp.start({
    jobs: 'inline',
    // No periodic full pass during the run: only the triggers under test may converge the replicas.
    env: { TRAILPLANE_RECONCILE_BATCH_ACCOUNTS: '2', TRAILPLANE_SWEEP_INTERVAL_MS: '3600000' },
  });
  driver = new PropagationDriver(app);
});
afterAll(() => app.close());

function expectConverged(model: PropagationModel, observed: Observed, after: string): void {
  const expected = model.expectedReplicas();
  const actual = new Set(observed.replicas);
  expect({
    after,
    trails: observed.trails,
    missingReplicas: expected.filter((key) => !actual.has(key)),
    extraReplicas: observed.replicas.filter((key) => !expected.includes(key)),
    staleReplicas: observed.staleReplicas,
    unpropagatedTrails: observed.unpropagatedTrails,
  }).toEqual({
    after,
    trails: model.trailKeys(),
    missingReplicas: [],
    extraReplicas: [],
    staleReplicas: [],
    unpropagatedTrails: [],
  });
}

it(
  `places exactly the replicas desiredReplicas computes, on ${RUNS} random worlds`,
  async () => {
    const applied = new Map<Change['kind'], number>();
    await fc.assert(
      fc.asyncProperty(worldSpecs, stepSequences, async (world, steps) => {
        const model = await driver.seed(world);
        await driver.settle();
        expectConverged(model, await driver.observe(), 'the world was built');
        for (const [i, step] of steps.entries()) {
          if (await driver.apply(model, step.change))
            applied.set(step.change.kind, (applied.get(step.change.kind) ?? 0) + 1);
          if (step.settle || i === steps.length - 1) {
            await driver.settle();
            expectConverged(model, await driver.observe(), `step ${i + 1} (${step.change.kind})`);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED, path: PATH },
    );
    // The generators reach every kind of change (refused ones do not count).
    expect(CHANGE_KINDS.filter((kind) => !applied.has(kind))).toEqual([]);
  },
  600_000 + RUNS * 3_000,
);

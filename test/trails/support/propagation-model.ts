import { desiredReplicas } from '@app/trails';
import fc from 'fast-check';

/**
 * Random propagation worlds for the oracle test: what a world starts with, the steps that change
 * it, and the model that says — through `desiredReplicas`, the in-memory statement of the rule —
 * which replicas must exist once propagation has settled. Steps name accounts, Regions and trails
 * by index; the driver resolves an index modulo what exists when the step runs, so every generated
 * (and shrunk) sequence is meaningful.
 */

/** The names a world draws its Regions from; those it does not start with can be launched later. */
export const REGION_NAMES = [
  'us-east-1',
  'eu-west-1',
  'ap-south-1',
  'sa-east-1',
  'af-south-1',
  'me-south-1',
  'ap-east-1',
  'eu-south-1',
];
const MAX_ACCOUNTS = 8;
const MAX_INITIAL_REGIONS = 5;
const MAX_TRAILS = 6;
/** World accounts are `2000000000xx`; the bootstrap operator's account stays. */
export const WORLD_ACCOUNT_PREFIX = '2000000000';
export const ORGANIZATION_ID = 'o-propagation';
export const ROOT_ID = 'r-prop';

export interface RegionSpec {
  readonly name: string;
  readonly optIn: boolean;
}

/** A trail to create: by the management account (organization trails always are), or by account `owner`. */
export interface TrailSpec {
  readonly byManagement: boolean;
  readonly owner: number;
  /** Index into the creator's enabled Regions: the call's Region, so the home Region. */
  readonly home: number;
  readonly multiRegion: boolean;
  readonly organization: boolean;
}

export interface AccountSpec {
  readonly member: boolean;
  /** Per Region of the world (by index): whether the account opted in, when the Region is opt-in. */
  readonly optIns: readonly boolean[];
}

/** Account 0 is the organization's management account; the others start as members or standalone. */
export interface WorldSpec {
  readonly regions: readonly RegionSpec[];
  readonly accounts: readonly AccountSpec[];
  readonly trails: readonly TrailSpec[];
}

export type Change =
  | { readonly kind: 'create-trail'; readonly trail: TrailSpec }
  | { readonly kind: 'join'; readonly account: number }
  | { readonly kind: 'leave'; readonly account: number; readonly removedByManagement: boolean }
  | { readonly kind: 'enable-region'; readonly account: number; readonly region: number }
  | { readonly kind: 'disable-region'; readonly account: number; readonly region: number }
  | { readonly kind: 'launch-region'; readonly optIn: boolean }
  | { readonly kind: 'flip-multi-region'; readonly trail: number }
  | { readonly kind: 'flip-organization'; readonly trail: number }
  | { readonly kind: 'delete-trail'; readonly trail: number }
  /** The management account removes every member and deletes the organization. */
  | { readonly kind: 'dissolve-organization' }
  /** The management account founds a new organization and enables CloudTrail's trusted access. */
  | { readonly kind: 'found-organization' }
  /** Adds a stray replica and drops a real one behind the reconciler's back, then runs the sweep's full pass. */
  | { readonly kind: 'repair'; readonly stray: number; readonly dropped: number };

/** A change, and whether to let propagation settle and compare afterwards (else the next change races it). */
export interface Step {
  readonly change: Change;
  readonly settle: boolean;
}

const index = fc.nat({ max: 15 });

const trailSpec: fc.Arbitrary<TrailSpec> = fc.record({
  byManagement: fc.boolean(),
  owner: index,
  home: index,
  multiRegion: fc.boolean(),
  organization: fc.boolean(),
});

export const worldSpecs: fc.Arbitrary<WorldSpec> = fc
  .record({
    names: fc.shuffledSubarray(REGION_NAMES, { minLength: 2, maxLength: MAX_INITIAL_REGIONS }),
    optIn: fc.array(fc.boolean(), { minLength: MAX_INITIAL_REGIONS, maxLength: MAX_INITIAL_REGIONS }),
    accounts: fc.array(
      fc.record({
        member: fc.boolean(),
        optIns: fc.array(fc.boolean(), { minLength: MAX_INITIAL_REGIONS, maxLength: MAX_INITIAL_REGIONS }),
      }),
      { minLength: 2, maxLength: MAX_ACCOUNTS },
    ),
    trails: fc.array(trailSpec, { maxLength: MAX_TRAILS }),
  })
  .map(({ names, optIn, accounts, trails }) => ({
    // The first Region is a default one, so every account has a Region to call from.
    regions: names.map((name, i) => ({ name, optIn: i > 0 && optIn[i] })),
    accounts,
    trails,
  }));

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('create-trail' as const), trail: trailSpec }),
  fc.record({ kind: fc.constant('join' as const), account: index }),
  fc.record({ kind: fc.constant('leave' as const), account: index, removedByManagement: fc.boolean() }),
  fc.record({ kind: fc.constant('enable-region' as const), account: index, region: index }),
  fc.record({ kind: fc.constant('disable-region' as const), account: index, region: index }),
  fc.record({ kind: fc.constant('launch-region' as const), optIn: fc.boolean() }),
  fc.record({ kind: fc.constant('flip-multi-region' as const), trail: index }),
  fc.record({ kind: fc.constant('flip-organization' as const), trail: index }),
  fc.record({ kind: fc.constant('delete-trail' as const), trail: index }),
  fc.record({ kind: fc.constant('dissolve-organization' as const) }),
  fc.record({ kind: fc.constant('found-organization' as const) }),
  fc.record({ kind: fc.constant('repair' as const), stray: fc.nat(), dropped: fc.nat() }),
);

export const stepSequences: fc.Arbitrary<Step[]> = fc.array(fc.record({ change, settle: fc.boolean() }), {
  minLength: 1,
  maxLength: 10,
});

export interface TrailModel {
  readonly id: string;
  readonly name: string;
  readonly ownerAccountId: string;
  readonly homeRegion: string;
  isMultiRegionTrail: boolean;
  isOrganizationTrail: boolean;
}

/** The world as the steps that succeeded left it. */
export class PropagationModel {
  readonly regions: RegionSpec[];
  readonly accounts: readonly string[];
  readonly members: Set<string>;
  readonly optedIn: Map<string, Set<string>>;
  readonly trails: TrailModel[] = [];
  /** Whether the management account has an organization (it has one at the start). */
  organizationExists = true;

  constructor(spec: WorldSpec) {
    this.regions = [...spec.regions];
    this.accounts = spec.accounts.map((_, i) => `${WORLD_ACCOUNT_PREFIX}${String(i).padStart(2, '0')}`);
    this.members = new Set(this.accounts.filter((_, i) => i === 0 || spec.accounts[i].member));
    this.optedIn = new Map(
      this.accounts.map((accountId, i) => [
        accountId,
        new Set(spec.regions.filter((r, j) => r.optIn && spec.accounts[i].optIns[j]).map((r) => r.name)),
      ]),
    );
  }

  get management(): string {
    return this.accounts[0];
  }

  account(i: number): string {
    return this.accounts[i % this.accounts.length];
  }

  trail(i: number): TrailModel | undefined {
    return this.trails.length === 0 ? undefined : this.trails[i % this.trails.length];
  }

  optInRegions(): string[] {
    return this.regions.filter((r) => r.optIn).map((r) => r.name);
  }

  /** The default Regions and the account's opt-ins, in catalogue order. */
  enabledRegions(accountId: string): string[] {
    const optedIn = this.optedIn.get(accountId) ?? new Set();
    return this.regions.filter((r) => !r.optIn || optedIn.has(r.name)).map((r) => r.name);
  }

  /** The next Region of the pool not launched yet. */
  nextRegionName(): string | undefined {
    return REGION_NAMES.find((name) => !this.regions.some((r) => r.name === name));
  }

  /** Sorted `trailId owner home multi-Region organization` keys, as `PropagationDriver.observe` reads trails. */
  trailKeys(): string[] {
    return this.trails
      .map((t) =>
        [t.id, t.ownerAccountId, t.homeRegion, t.isMultiRegionTrail, t.isOrganizationTrail].join(' '),
      )
      .sort();
  }

  /** Every replica that must exist, as sorted `trailId account Region` keys: the oracle. */
  expectedReplicas(): string[] {
    const enabled = new Map(this.accounts.map((accountId) => [accountId, this.enabledRegions(accountId)]));
    return this.trails
      .flatMap((trail) =>
        desiredReplicas(trail, [...this.members], enabled).map(
          (replica) => `${trail.id} ${replica.accountId} ${replica.region}`,
        ),
      )
      .sort();
  }
}

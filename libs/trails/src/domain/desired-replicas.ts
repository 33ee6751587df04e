/**
 * Where a trail's replicas should exist (DESIGN.md "Propagation"), stated in memory: production
 * computes the same rule in SQL (`ReplicaReconciler`), and the property test
 * test/trails/propagation-oracle.e2e-spec.ts uses this function as the oracle the reconciler's rows
 * must match. desired(T) = accounts(T) × regions(T, account), where
 * - accounts(T) = the owner, plus every member account of its organization (the management account
 *   and each account that joined and has not left) when T is an organization trail;
 * - regions(T, a) = the Regions enabled in account a when T is multi-Region, else the home Region
 *   — in both cases only Regions that are enabled in a, because an account has no resources in a
 *   Region it has not enabled. So a single-Region organization trail homed in an opt-in Region
 *   reaches only the members that enabled it, and disabling a Region removes the account's
 *   replicas there.
 * The owner's copy in the home Region is a replica like the others.
 */

/** One copy of a trail: the account holding it and the Region it lives in. */
export interface ReplicaKey {
  readonly accountId: string;
  readonly region: string;
}

/** What propagation needs to know about a trail. */
export interface ReplicatedTrail {
  readonly ownerAccountId: string;
  readonly homeRegion: string;
  readonly isMultiRegionTrail: boolean;
  readonly isOrganizationTrail: boolean;
}

/**
 * The replicas `trail` should have, sorted by account then Region, without duplicates.
 * `memberAccountIds` are the organization's active accounts (the owner may be among them; it is
 * ignored for a non-organization trail). An account missing from `enabledRegionsByAccount` has no
 * enabled Region and therefore receives no replica.
 */
export function desiredReplicas(
  trail: ReplicatedTrail,
  memberAccountIds: readonly string[],
  enabledRegionsByAccount: ReadonlyMap<string, readonly string[]>,
): ReplicaKey[] {
  const accounts = new Set([trail.ownerAccountId, ...(trail.isOrganizationTrail ? memberAccountIds : [])]);
  return [...accounts].sort().flatMap((accountId) => {
    const enabled = new Set(enabledRegionsByAccount.get(accountId));
    const candidates = trail.isMultiRegionTrail ? [...enabled] : [trail.homeRegion];
    return candidates
      .filter((region) => enabled.has(region))
      .sort()
      .map((region) => ({ accountId, region }));
  });
}

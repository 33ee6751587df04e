import { type ReplicaKey } from './desired-replicas';

/** What a reconciler must do to turn the actual replicas into the desired ones. */
export interface ReplicaDiff<A extends ReplicaKey> {
  /** Desired keys with no actual replica, sorted by account then Region. */
  readonly toCreate: ReplicaKey[];
  /** Actual replicas that are not desired, or that duplicate a key already kept. */
  readonly toDelete: A[];
  /** Actual replicas that are desired and stay as they are, one per key. */
  readonly unchanged: A[];
}

/**
 * Set difference of desired and actual replicas by (accountId, region). The reconciler applies it
 * in set-based SQL (`INSERT … ON CONFLICT DO NOTHING`, `DELETE … WHERE NOT IN`); this is the same
 * semantics for small-scale code paths and tests. Applying the result leaves exactly one replica
 * per desired key, so diffing again yields nothing to create or delete. `actual` may carry row
 * data (ids, generations), which `toDelete` and `unchanged` return as given.
 */
export function diffReplicas<A extends ReplicaKey>(
  desired: readonly ReplicaKey[],
  actual: readonly A[],
): ReplicaDiff<A> {
  const wanted = new Map(desired.map((key) => [keyOf(key), key]));
  const kept = new Set<string>();
  const toDelete: A[] = [];
  const unchanged: A[] = [];
  for (const replica of actual) {
    const key = keyOf(replica);
    if (wanted.has(key) && !kept.has(key)) {
      kept.add(key);
      unchanged.push(replica);
    } else {
      toDelete.push(replica);
    }
  }
  const toCreate = [...wanted]
    .filter(([key]) => !kept.has(key))
    .map(([, { accountId, region }]) => ({ accountId, region }))
    .sort(compareReplicaKeys);
  return { toCreate, toDelete, unchanged };
}

function keyOf({ accountId, region }: ReplicaKey): string {
  // Account ids are digits and Region names never contain '/', so the key is unambiguous.
  return `${accountId}/${region}`;
}

/** Code-unit order, the order `desiredReplicas` and `Array.prototype.sort` use. */
function compareReplicaKeys(a: ReplicaKey, b: ReplicaKey): number {
  return compare(a.accountId, b.accountId) || compare(a.region, b.region);
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

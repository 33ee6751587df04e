import fc from 'fast-check';
import { type ReplicaKey } from './desired-replicas';
import { diffReplicas } from './replica-diff';

interface ReplicaRow extends ReplicaKey {
  readonly id: string;
}

const key = (accountId: string, region: string): ReplicaKey => ({ accountId, region });
const row = (id: string, accountId: string, region: string): ReplicaRow => ({ id, accountId, region });

describe(diffReplicas.name, () => {
  it('creates every desired replica when none exists', () => {
    expect(diffReplicas([key('2', 'us-east-1'), key('1', 'eu-west-1'), key('1', 'ap-south-1')], [])).toEqual({
      toCreate: [key('1', 'ap-south-1'), key('1', 'eu-west-1'), key('2', 'us-east-1')],
      toDelete: [],
      unchanged: [],
    });
  });

  it('deletes every replica when none is desired', () => {
    const actual = [row('r1', '1', 'eu-west-1'), row('r2', '2', 'us-east-1')];
    expect(diffReplicas([], actual)).toEqual({ toCreate: [], toDelete: actual, unchanged: [] });
  });

  it('splits a mixed state into create, delete and unchanged', () => {
    const diff = diffReplicas(
      [key('1', 'eu-west-1'), key('1', 'us-east-1'), key('2', 'eu-west-1')],
      [row('kept', '1', 'eu-west-1'), row('stale', '2', 'us-east-1')],
    );
    expect(diff).toEqual({
      toCreate: [key('1', 'us-east-1'), key('2', 'eu-west-1')],
      toDelete: [row('stale', '2', 'us-east-1')],
      unchanged: [row('kept', '1', 'eu-west-1')],
    });
  });

  it('returns actual rows with their data', () => {
    const diff = diffReplicas([key('1', 'eu-west-1')], [row('r1', '1', 'eu-west-1')]);
    expect(diff.unchanged[0]?.id).toBe('r1');
  });

  it('keeps one of several replicas with the same key and deletes the others', () => {
    const diff = diffReplicas(
      [key('1', 'eu-west-1')],
      [row('first', '1', 'eu-west-1'), row('second', '1', 'eu-west-1')],
    );
    expect(diff).toEqual({
      toCreate: [],
      toDelete: [row('second', '1', 'eu-west-1')],
      unchanged: [row('first', '1', 'eu-west-1')],
    });
  });

  it('creates a key desired twice only once', () => {
    expect(diffReplicas([key('1', 'eu-west-1'), key('1', 'eu-west-1')], []).toCreate).toEqual([
      key('1', 'eu-west-1'),
    ]);
  });

  it('does not confuse keys whose parts concatenate alike', () => {
    expect(diffReplicas([key('11', 'a-1')], [row('r', '1', '1a-1')])).toEqual({
      toCreate: [key('11', 'a-1')],
      toDelete: [row('r', '1', '1a-1')],
      unchanged: [],
    });
  });

  it('converges: applying the diff leaves exactly the desired keys, and a second diff is empty', () => {
    const keys = fc.record({
      accountId: fc.constantFrom('111111111111', '222222222222', '333333333333'),
      region: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-south-1'),
    });
    fc.assert(
      fc.property(
        fc.array(keys, { maxLength: 12 }),
        fc.array(keys, { maxLength: 12 }),
        (desired, actualKeys) => {
          const actual = actualKeys.map((k, i) => ({ ...k, id: `r${i}` }));
          const diff = diffReplicas(desired, actual);
          const applied = [...diff.unchanged, ...diff.toCreate.map((k, i) => ({ ...k, id: `new${i}` }))];

          const asKeys = (replicas: readonly ReplicaKey[]) =>
            replicas.map(({ accountId, region }) => `${accountId}/${region}`).sort();
          expect(asKeys(applied)).toEqual([...new Set(asKeys(desired))]);
          expect(diff.unchanged.length + diff.toDelete.length).toBe(actual.length);

          const again = diffReplicas(desired, applied);
          expect(again.toCreate).toEqual([]);
          expect(again.toDelete).toEqual([]);
        },
      ),
    );
  });
});

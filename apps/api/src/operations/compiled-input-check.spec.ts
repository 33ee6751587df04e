import { type OperationDefinition } from '@app/platform';
import * as m0 from '../../../../libs/accounts/src/operations/create-standalone-account.operation';
import * as m1 from '../../../../libs/delivery/src/operations/delivery.operations';
import * as m2 from '../../../../libs/events/src/operations/lookup-events.operation';
import * as m3 from '../../../../libs/iam/src/operations/managed-policy.operations';
import * as m4 from '../../../../libs/iam/src/operations/principal-policy.operations';
import * as m5 from '../../../../libs/iam/src/operations/role.operations';
import * as m6 from '../../../../libs/iam/src/operations/simulation.operations';
import * as m7 from '../../../../libs/iam/src/operations/sts.operations';
import * as m8 from '../../../../libs/iam/src/operations/user.operations';
import * as m9 from '../../../../libs/ingestion/src/operations/service-events.operations';
import * as m10 from '../../../../libs/integrity/src/operations/integrity.operations';
import * as m11 from '../../../../libs/organizations/src/operations/account.operations';
import * as m12 from '../../../../libs/organizations/src/operations/delegation.operations';
import * as m13 from '../../../../libs/organizations/src/operations/handshake.operations';
import * as m14 from '../../../../libs/organizations/src/operations/organization.operations';
import * as m15 from '../../../../libs/organizations/src/operations/policy.operations';
import * as m16 from '../../../../libs/organizations/src/operations/tag.operations';
import * as m17 from '../../../../libs/organizations/src/operations/unit.operations';
import * as m18 from '../../../../libs/regions/src/operations/region.operations';
import * as m19 from '../../../../libs/storage/src/operations/bucket-policy.operations';
import * as m20 from '../../../../libs/storage/src/operations/bucket.operations';
import * as m21 from '../../../../libs/storage/src/operations/object.operations';
import * as m22 from '../../../../libs/trails/src/operations/delegated-admin.operations';
import * as m23 from '../../../../libs/trails/src/operations/selector.operations';
import * as m24 from '../../../../libs/trails/src/operations/tag.operations';
import * as m25 from '../../../../libs/trails/src/operations/trail.operations';
import { checkedFast } from './compiled-input-check';
import { checkInputWithClassValidator } from './input-check';

const MODULES: object[] = [
  m0,
  m1,
  m2,
  m3,
  m4,
  m5,
  m6,
  m7,
  m8,
  m9,
  m10,
  m11,
  m12,
  m13,
  m14,
  m15,
  m16,
  m17,
  m18,
  m19,
  m20,
  m21,
  m22,
  m23,
  m24,
  m25,
];

/** Every operation's input class. */
const INPUTS = [
  ...new Set(
    MODULES.flatMap((module) =>
      Object.values(module).filter(
        (value): value is OperationDefinition => typeof (value as OperationDefinition)?.input === 'function',
      ),
    ).map((operation) => operation.input),
  ),
];

/** Values each member is tried with: right and wrong types, limits, empties. */
const PALETTE: unknown[] = [
  'name',
  '',
  'a'.repeat(1024),
  'a'.repeat(1025),
  'a'.repeat(70_000),
  '😀'.repeat(600),
  0,
  5,
  50,
  1.5,
  -1,
  1e9,
  true,
  false,
  null,
  [],
  ['a'],
  ['a', 'b'],
  [1],
  [null],
  Array.from({ length: 1001 }, () => 'x'),
  {},
  { key: 'k' },
  [{ key: 'k' }],
  [{ key: 'k', value: 'v', extra: 1 }],
  [{ key: 'k', value: null }],
  [{ key: 5 }],
  [{}],
  [{ Key: 'k', Value: 'v' }],
  'ReadOnly',
  'ALL',
];

function membersOf(type: new () => object): string[] {
  return Object.keys(new type());
}

/** The fast path never accepts what class-validator refuses, and builds the same input. */
async function agrees(
  type: new () => object,
  members: Record<string, unknown>,
  strict: boolean,
): Promise<number> {
  const fast = checkedFast(type, members, strict);
  if (fast === undefined) return 0;
  const slow = await checkInputWithClassValidator(type, members, strict);
  expect({ type: type.name, members, failures: slow.failures }).toEqual({
    type: type.name,
    members,
    failures: [],
  });
  expect(fast).toBeInstanceOf(type);
  expect({ ...fast }).toEqual({ ...slow.input });
  for (const [key, value] of Object.entries(slow.input)) {
    if (!Array.isArray(value)) continue;
    const built = (fast as Record<string, unknown[]>)[key];
    expect(built.map((item) => item?.constructor)).toEqual(value.map((item: unknown) => item?.constructor));
  }
  return 1;
}

describe(checkedFast.name, () => {
  it('covers the operations', () => {
    expect(INPUTS.length).toBeGreaterThan(50);
  });

  it.each([false, true])(
    'accepts only what class-validator accepts, as it builds it (strict %s)',
    async (strict) => {
      let accepted = 0;
      for (const type of INPUTS) {
        const names = membersOf(type);
        accepted += await agrees(type, {}, strict);
        accepted += await agrees(type, { unknownMember: 'x' }, strict);
        for (const value of PALETTE) {
          accepted += await agrees(type, Object.fromEntries(names.map((name) => [name, value])), strict);
          for (const name of names) {
            for (const other of ['name', true, 5, ['a']]) {
              const members = Object.fromEntries(names.map((n) => [n, other]));
              accepted += await agrees(type, { ...members, [name]: value }, strict);
            }
          }
        }
      }
      // The fast path is taken for real inputs, not only refused.
      expect(accepted).toBeGreaterThan(100);
    },
  );

  it('takes the fast path for flat inputs and lists of structures, and leaves other shapes to class-validator', () => {
    const byName = (name: string) => INPUTS.find((type) => type.name === name) as new () => object;

    expect(checkedFast(byName('TrailNameRequest'), { name: 'audit' }, false)).toEqual({ name: 'audit' });
    expect(checkedFast(byName('DescribeTrailsRequest'), { trailNameList: ['a'] }, true)).toEqual({
      trailNameList: ['a'],
      includeShadowTrails: undefined,
    });
    expect(checkedFast(byName('TrailNameRequest'), {}, false)).toBeUndefined();
    const create = checkedFast(
      byName('CreateTrailRequest'),
      { name: 'a', s3BucketName: 'b', tagsList: [{ key: 'k', value: 'v' }] },
      true,
    ) as { tagsList: object[] };
    expect(create.tagsList[0]).toEqual({ key: 'k', value: 'v' });
    expect(create.tagsList[0].constructor.name).toBe('TagMember');
    expect(
      checkedFast(
        byName('CreateTrailRequest'),
        { name: 'a', s3BucketName: 'b', tagsList: [{ key: 1 }] },
        true,
      ),
    ).toBeUndefined();
  });
});

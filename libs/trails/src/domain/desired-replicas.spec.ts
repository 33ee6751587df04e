import { desiredReplicas, type ReplicatedTrail } from './desired-replicas';

const OWNER = '111111111111';
const MEMBER_A = '222222222222';
const MEMBER_B = '333333333333';

const trail = (fields: Partial<ReplicatedTrail>): ReplicatedTrail => ({
  ownerAccountId: OWNER,
  homeRegion: 'eu-west-1',
  isMultiRegionTrail: false,
  isOrganizationTrail: false,
  ...fields,
});

const enabled = new Map<string, readonly string[]>([
  [OWNER, ['us-east-1', 'eu-west-1']],
  [MEMBER_A, ['eu-west-1', 'us-east-1', 'af-south-1']],
  [MEMBER_B, ['us-east-1']],
]);

describe(desiredReplicas.name, () => {
  it('places a single-Region trail in its home Region of the owner only', () => {
    expect(desiredReplicas(trail({}), [MEMBER_A], enabled)).toEqual([
      { accountId: OWNER, region: 'eu-west-1' },
    ]);
  });

  it('places a multi-Region trail in every Region the owner has enabled', () => {
    expect(desiredReplicas(trail({ isMultiRegionTrail: true }), [MEMBER_A], enabled)).toEqual([
      { accountId: OWNER, region: 'eu-west-1' },
      { accountId: OWNER, region: 'us-east-1' },
    ]);
  });

  it('places a single-Region organization trail in the home Region of every member that enabled it', () => {
    expect(desiredReplicas(trail({ isOrganizationTrail: true }), [MEMBER_B, MEMBER_A], enabled)).toEqual([
      { accountId: OWNER, region: 'eu-west-1' },
      { accountId: MEMBER_A, region: 'eu-west-1' },
    ]);
  });

  it('places a multi-Region organization trail in every Region each member has enabled', () => {
    expect(
      desiredReplicas(
        trail({ isOrganizationTrail: true, isMultiRegionTrail: true }),
        [MEMBER_A, MEMBER_B],
        enabled,
      ),
    ).toEqual([
      { accountId: OWNER, region: 'eu-west-1' },
      { accountId: OWNER, region: 'us-east-1' },
      { accountId: MEMBER_A, region: 'af-south-1' },
      { accountId: MEMBER_A, region: 'eu-west-1' },
      { accountId: MEMBER_A, region: 'us-east-1' },
      { accountId: MEMBER_B, region: 'us-east-1' },
    ]);
  });

  it('lists the owner once when it is also among the members', () => {
    expect(desiredReplicas(trail({ isOrganizationTrail: true }), [OWNER, OWNER], enabled)).toEqual([
      { accountId: OWNER, region: 'eu-west-1' },
    ]);
  });

  it('ignores member accounts for a trail that is not an organization trail', () => {
    expect(desiredReplicas(trail({ isMultiRegionTrail: true }), [MEMBER_A, MEMBER_B], enabled)).toHaveLength(
      2,
    );
  });

  it('gives no replica to an account without enabled Regions', () => {
    expect(
      desiredReplicas(
        trail({ isOrganizationTrail: true, isMultiRegionTrail: true }),
        ['444444444444'],
        enabled,
      ),
    ).toEqual([
      { accountId: OWNER, region: 'eu-west-1' },
      { accountId: OWNER, region: 'us-east-1' },
    ]);
  });

  it('drops the replica of a home Region the owner has disabled', () => {
    const ownerDisabledHome = new Map([[OWNER, ['us-east-1']]]);
    expect(desiredReplicas(trail({}), [], ownerDisabledHome)).toEqual([]);
    expect(desiredReplicas(trail({ isMultiRegionTrail: true }), [], ownerDisabledHome)).toEqual([
      { accountId: OWNER, region: 'us-east-1' },
    ]);
  });

  it('adds a newly enabled Region to a multi-Region trail', () => {
    const before = desiredReplicas(trail({ isMultiRegionTrail: true }), [], enabled);
    const after = desiredReplicas(
      trail({ isMultiRegionTrail: true }),
      [],
      new Map([[OWNER, ['us-east-1', 'eu-west-1', 'ap-southeast-7']]]),
    );
    expect(after).toEqual([{ accountId: OWNER, region: 'ap-southeast-7' }, ...before]);
  });
});

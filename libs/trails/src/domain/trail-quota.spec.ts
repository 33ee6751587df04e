import {
  assertRoomForTrail,
  countOccupiedSlots,
  regionsGainedBy,
  regionsOccupiedBy,
  type TrailFootprint,
  TRAILS_PER_REGION,
} from './trail-quota';

const rejection = (code: string, message: unknown = expect.any(String)) =>
  expect.objectContaining({ code, message });

const ACCOUNT = '123456789012';
const ENABLED = ['us-east-1', 'eu-west-1', 'ap-south-1'];
const single = (homeRegion: string): TrailFootprint => ({ homeRegion, isMultiRegionTrail: false });
const multi = (homeRegion: string): TrailFootprint => ({ homeRegion, isMultiRegionTrail: true });
const times = (n: number, trail: TrailFootprint): TrailFootprint[] => Array.from({ length: n }, () => trail);

describe(regionsOccupiedBy.name, () => {
  it('places a single-Region trail in its home Region only', () => {
    expect(regionsOccupiedBy(single('eu-west-1'), ENABLED)).toEqual(['eu-west-1']);
  });

  it('places a multi-Region trail in every enabled Region, sorted', () => {
    expect(regionsOccupiedBy(multi('eu-west-1'), ENABLED)).toEqual(['ap-south-1', 'eu-west-1', 'us-east-1']);
  });

  it('always includes the home Region of a multi-Region trail', () => {
    expect(regionsOccupiedBy(multi('me-south-1'), ENABLED)).toEqual([
      'ap-south-1',
      'eu-west-1',
      'me-south-1',
      'us-east-1',
    ]);
  });
});

describe(regionsGainedBy.name, () => {
  it('gains every other enabled Region when a trail becomes multi-Region', () => {
    expect(regionsGainedBy(single('eu-west-1'), multi('eu-west-1'), ENABLED)).toEqual([
      'ap-south-1',
      'us-east-1',
    ]);
  });

  it.each<[string, TrailFootprint, TrailFootprint]>([
    ['multi → single', multi('eu-west-1'), single('eu-west-1')],
    ['single → single', single('eu-west-1'), single('eu-west-1')],
    ['multi → multi', multi('eu-west-1'), multi('eu-west-1')],
  ])('gains nothing for %s', (_, before, after) => {
    expect(regionsGainedBy(before, after, ENABLED)).toEqual([]);
  });
});

describe(countOccupiedSlots.name, () => {
  it('counts a multi-Region trail once in every enabled Region', () => {
    const slots = countOccupiedSlots([single('eu-west-1'), single('eu-west-1'), multi('us-east-1')], ENABLED);
    expect(Object.fromEntries(slots)).toEqual({ 'eu-west-1': 3, 'us-east-1': 1, 'ap-south-1': 1 });
  });

  it('counts nothing for an account without trails', () => {
    expect(countOccupiedSlots([], ENABLED).size).toBe(0);
  });
});

describe(assertRoomForTrail.name, () => {
  it('allows a fifth trail in a Region', () => {
    const slots = countOccupiedSlots(times(4, single('eu-west-1')), ENABLED);
    expect(() => assertRoomForTrail(ACCOUNT, slots, ['eu-west-1'])).not.toThrow();
  });

  it('rejects a sixth trail in eu-west-1 with MaximumNumberOfTrailsExceededException', () => {
    const slots = countOccupiedSlots(times(TRAILS_PER_REGION, single('eu-west-1')), ENABLED);
    expect(() => assertRoomForTrail(ACCOUNT, slots, ['eu-west-1'])).toThrow(
      rejection(
        'MaximumNumberOfTrailsExceededException',
        'User: 123456789012 already has 5 trails in eu-west-1.',
      ),
    );
  });

  it('counts a multi-Region trail against a single-Region trail in another home Region', () => {
    const slots = countOccupiedSlots([...times(4, single('eu-west-1')), multi('us-east-1')], ENABLED);
    expect(() => assertRoomForTrail(ACCOUNT, slots, regionsOccupiedBy(single('eu-west-1'), ENABLED))).toThrow(
      rejection(
        'MaximumNumberOfTrailsExceededException',
        'User: 123456789012 already has 5 trails in eu-west-1.',
      ),
    );
  });

  it('rejects a multi-Region trail when any enabled Region is full, though its home Region has room', () => {
    const slots = countOccupiedSlots(times(5, single('ap-south-1')), ENABLED);
    expect(() => assertRoomForTrail(ACCOUNT, slots, regionsOccupiedBy(multi('us-east-1'), ENABLED))).toThrow(
      rejection(
        'MaximumNumberOfTrailsExceededException',
        'User: 123456789012 already has 5 trails in ap-south-1.',
      ),
    );
  });

  it('names the alphabetically first full Region whatever the order of the incoming Regions', () => {
    const slots = new Map([
      ['us-east-1', 5],
      ['eu-west-1', 5],
      ['ap-south-1', 4],
    ]);
    expect(() => assertRoomForTrail(ACCOUNT, slots, ['us-east-1', 'ap-south-1', 'eu-west-1'])).toThrow(
      rejection(
        'MaximumNumberOfTrailsExceededException',
        'User: 123456789012 already has 5 trails in eu-west-1.',
      ),
    );
  });

  it('treats a member holding six slots (organization replicas) as full', () => {
    expect(() => assertRoomForTrail(ACCOUNT, new Map([['eu-west-1', 6]]), ['eu-west-1'])).toThrow(
      rejection(
        'MaximumNumberOfTrailsExceededException',
        'User: 123456789012 already has 5 trails in eu-west-1.',
      ),
    );
  });

  it('ignores full Regions the trail will not occupy', () => {
    const slots = new Map([['us-east-1', 5]]);
    expect(() => assertRoomForTrail(ACCOUNT, slots, ['eu-west-1'])).not.toThrow();
  });

  it('lets a trail convert to multi-Region when only its own home Region is full', () => {
    const before = single('eu-west-1');
    const slots = countOccupiedSlots(times(5, before), ENABLED);
    expect(() =>
      assertRoomForTrail(ACCOUNT, slots, regionsGainedBy(before, multi('eu-west-1'), ENABLED)),
    ).not.toThrow();
  });

  it('rejects converting to multi-Region when another enabled Region is full', () => {
    const before = single('eu-west-1');
    const slots = countOccupiedSlots([before, ...times(5, single('us-east-1'))], ENABLED);
    expect(() =>
      assertRoomForTrail(ACCOUNT, slots, regionsGainedBy(before, multi('eu-west-1'), ENABLED)),
    ).toThrow(
      rejection(
        'MaximumNumberOfTrailsExceededException',
        'User: 123456789012 already has 5 trails in us-east-1.',
      ),
    );
  });
});

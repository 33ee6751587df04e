import {
  type CoverageEvent,
  type CoverageFacts,
  type CoverageTrail,
  coversEvent,
  isGlobalServiceEvent,
  loggingStopsAt,
} from './trail-coverage';

const OWNER = '111111111111';
const MEMBER = '222222222222';

const trail = (
  settings: Partial<CoverageTrail['settings']> = {},
  fields: Partial<CoverageTrail> = {},
): CoverageTrail => ({
  ownerAccountId: OWNER,
  homeRegion: 'eu-west-1',
  settings: {
    isMultiRegionTrail: false,
    isOrganizationTrail: false,
    includeGlobalServiceEvents: true,
    ...settings,
  },
  eventSelectors: undefined,
  ...fields,
});
const event = (fields: Partial<CoverageEvent> = {}): CoverageEvent => ({
  recipientAccountId: OWNER,
  awsRegion: 'eu-west-1',
  eventTime: '2024-05-01T12:00:00Z',
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'CreateTrail',
  eventType: 'AwsApiCall',
  eventCategory: 'Management',
  readOnly: false,
  ...fields,
});
const facts = (fields: Partial<CoverageFacts> = {}): CoverageFacts => ({
  accountInOrganization: false,
  enabledRegions: ['us-east-1', 'eu-west-1'],
  loggingIntervals: [{ from: new Date('2024-05-01T00:00:00Z'), until: null }],
  ...fields,
});

describe(coversEvent.name, () => {
  it('delivers an event that meets every clause', () => {
    expect(coversEvent(trail(), event(), facts())).toBe(true);
  });

  describe('account', () => {
    it("delivers only the owner's events for a trail of one account", () => {
      expect(coversEvent(trail(), event({ recipientAccountId: MEMBER }), facts())).toBe(false);
      expect(
        coversEvent(trail(), event({ recipientAccountId: MEMBER }), facts({ accountInOrganization: true })),
      ).toBe(false);
    });

    it("delivers an organization trail's events of accounts then in the organization, and only those", () => {
      const organizationTrail = trail({ isOrganizationTrail: true });
      const memberEvent = event({ recipientAccountId: MEMBER });
      expect(coversEvent(organizationTrail, memberEvent, facts({ accountInOrganization: true }))).toBe(true);
      expect(coversEvent(organizationTrail, memberEvent, facts({ accountInOrganization: false }))).toBe(
        false,
      );
      expect(coversEvent(organizationTrail, event(), facts({ accountInOrganization: true }))).toBe(true);
    });
  });

  describe('Region', () => {
    it('delivers only home-Region events for a single-Region trail, whatever the account enabled', () => {
      expect(coversEvent(trail(), event({ awsRegion: 'us-east-1' }), facts())).toBe(false);
      expect(coversEvent(trail(), event(), facts({ enabledRegions: [] }))).toBe(true);
    });

    it('delivers events of the Regions the account had enabled for a multi-Region trail', () => {
      const multiRegion = trail({ isMultiRegionTrail: true });
      const optInEvent = event({ awsRegion: 'ap-east-1' });
      expect(coversEvent(multiRegion, optInEvent, facts())).toBe(false);
      expect(
        coversEvent(multiRegion, optInEvent, facts({ enabledRegions: ['eu-west-1', 'ap-east-1'] })),
      ).toBe(true);
      expect(coversEvent(multiRegion, event({ awsRegion: 'us-east-1' }), facts())).toBe(true);
    });
  });

  describe('global service events', () => {
    const iamEvent = event({
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateUser',
      awsRegion: 'us-east-1',
    });

    it.each([
      'iam.amazonaws.com',
      'sts.amazonaws.com',
      'organizations.amazonaws.com',
      'account.amazonaws.com',
      'trailplane.amazonaws.com',
    ])('counts %s as a global service', (eventSource) => {
      expect(isGlobalServiceEvent({ eventSource })).toBe(true);
    });

    it('does not count regional services', () => {
      expect(isGlobalServiceEvent({ eventSource: 's3.amazonaws.com' })).toBe(false);
      expect(isGlobalServiceEvent({ eventSource: 'cloudtrail.amazonaws.com' })).toBe(false);
    });

    it('are delivered by a trail covering us-east-1 that includes them', () => {
      expect(coversEvent(trail({}, { homeRegion: 'us-east-1' }), iamEvent, facts())).toBe(true);
      expect(coversEvent(trail({ isMultiRegionTrail: true }), iamEvent, facts())).toBe(true);
    });

    it('are not delivered with IncludeGlobalServiceEvents false', () => {
      const excluding = trail({ includeGlobalServiceEvents: false }, { homeRegion: 'us-east-1' });
      expect(coversEvent(excluding, iamEvent, facts())).toBe(false);
      expect(coversEvent(excluding, event({ awsRegion: 'us-east-1' }), facts())).toBe(true);
    });

    it('are not delivered by a single-Region trail elsewhere', () => {
      expect(coversEvent(trail(), iamEvent, facts())).toBe(false);
    });
  });

  describe('logging', () => {
    const at = (eventTime: string | Date) => event({ eventTime });
    const intervals = facts({
      loggingIntervals: [
        { from: new Date('2024-05-01T10:00:00Z'), until: new Date('2024-05-01T11:00:00Z') },
        { from: new Date('2024-05-01T12:00:00.500Z'), until: null },
      ],
    });

    it('delivers events of times the trail was logging', () => {
      expect(coversEvent(trail(), at('2024-05-01T10:30:00Z'), intervals)).toBe(true);
      expect(coversEvent(trail(), at('2024-05-02T00:00:00Z'), intervals)).toBe(true);
    });

    it('delivers no event of a time it was not', () => {
      expect(coversEvent(trail(), at('2024-05-01T09:59:59Z'), intervals)).toBe(false);
      expect(coversEvent(trail(), at('2024-05-01T11:30:00Z'), intervals)).toBe(false);
      expect(coversEvent(trail(), event(), facts({ loggingIntervals: [] }))).toBe(false);
    });

    it('counts StartLogging in and StopLogging out', () => {
      expect(coversEvent(trail(), at('2024-05-01T10:00:00Z'), intervals)).toBe(true);
      expect(coversEvent(trail(), at('2024-05-01T11:00:00Z'), intervals)).toBe(false);
    });

    it('covers the StopLogging call’s own event, even when it was handled within the millisecond it arrived', () => {
      const arrived = new Date('2024-05-01T11:00:00.250Z');
      const stopped = facts({
        loggingIntervals: [
          { from: new Date('2024-05-01T10:00:00Z'), until: loggingStopsAt(arrived, arrived) },
        ],
      });
      expect(coversEvent(trail(), at(arrived), stopped)).toBe(true);
      expect(coversEvent(trail(), at(new Date('2024-05-01T11:00:00.251Z')), stopped)).toBe(false);
      expect(loggingStopsAt(arrived, new Date('2024-05-01T11:00:00.300Z'))).toEqual(
        new Date('2024-05-01T11:00:00.300Z'),
      );
    });

    it('compares a precise event time when given one', () => {
      expect(coversEvent(trail(), at('2024-05-01T12:00:00Z'), intervals)).toBe(false);
      expect(coversEvent(trail(), at(new Date('2024-05-01T12:00:00.700Z')), intervals)).toBe(true);
    });
  });

  describe('selectors', () => {
    it('delivers management events by default and no data events', () => {
      const dataEvent = event({
        eventSource: 's3.amazonaws.com',
        eventName: 'GetObject',
        eventCategory: 'Data',
        resources: [{ type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::b/k' }],
      });
      expect(coversEvent(trail(), dataEvent, facts())).toBe(false);
    });

    it("applies the trail's selectors", () => {
      const writesOnly = trail(
        {},
        {
          eventSelectors: {
            kind: 'advanced',
            advancedEventSelectors: [
              {
                fieldSelectors: [
                  { field: 'eventCategory', equals: ['Management'] },
                  { field: 'readOnly', equals: ['false'] },
                ],
              },
            ],
          },
        },
      );
      expect(coversEvent(writesOnly, event({ readOnly: false }), facts())).toBe(true);
      expect(coversEvent(writesOnly, event({ readOnly: true }), facts())).toBe(false);
    });
  });
});

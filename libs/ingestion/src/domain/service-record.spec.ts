import fc from 'fast-check';
import { storedServiceEvent } from '@app/events';
import { planBatch, recipientKey } from './service-batch';
import { checkServiceRecord, MAX_RECORD_BYTES, type RecordCheck } from './service-record';

const NOW = new Date('2026-12-07T12:00:00Z');

function record(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    eventID: '0b7c2a47-6f0e-4b53-9a67-3f2c1f0e9d11',
    eventTime: '2026-12-07T11:59:00Z',
    eventSource: 'compute.internal',
    eventName: 'RunInstances',
    awsRegion: 'us-east-1',
    recipientAccountId: '111122223333',
    eventType: 'AwsApiCall',
    eventCategory: 'Management',
    readOnly: false,
    managementEvent: true,
    ...overrides,
  };
}

function failureOf(check: RecordCheck): string | undefined {
  return check.ok ? undefined : check.failure.code;
}

describe(checkServiceRecord.name, () => {
  it('accepts a complete record and keeps every member it was given', () => {
    const given = record({ requestParameters: { imageId: 'img-1' }, additionalEventData: { x: 1 } });
    const check = checkServiceRecord(given, NOW);
    expect(check).toEqual({ ok: true, record: given });
  });

  it.each([
    ['eventID', { eventID: 'not-a-uuid' }, 'InvalidRecord'],
    ['a missing eventName', { eventName: undefined }, 'InvalidRecord'],
    ['eventTime 6 minutes ahead', { eventTime: '2026-12-07T12:06:00Z' }, 'EventTimeOutOfRange'],
    ['eventTime 8 days old', { eventTime: '2026-11-29T12:00:00Z' }, 'EventTimeOutOfRange'],
    ['an eventTime not in ISO-8601 UTC', { eventTime: '2026-12-07 11:59:00' }, 'InvalidRecord'],
    ['a source that is no host name', { eventSource: 'Compute Service' }, 'InvalidEventSource'],
    ["Trailplane's own source", { eventSource: 'cloudtrail.amazonaws.com' }, 'InvalidEventSource'],
    ['an eventType of a console sign-in', { eventType: 'AwsConsoleSignIn' }, 'InvalidRecord'],
    ['a Data event that says it is a management event', { eventCategory: 'Data' }, 'InvalidRecord'],
    ['readOnly as a string', { readOnly: 'true' }, 'InvalidRecord'],
    ['an eventVersion newer than 1.11', { eventVersion: '1.12' }, 'InvalidRecord'],
    ['a recipient that is no account id', { recipientAccountId: '1234' }, 'InvalidRecord'],
    ['resources without types', { resources: [{ ARN: 'arn:aws:ec2:::i-1' }] }, 'InvalidRecord'],
    ['a userIdentity whose arn is a number', { userIdentity: { arn: 7 } }, 'InvalidRecord'],
    ['requestParameters as a list', { requestParameters: [] }, 'InvalidRecord'],
    ['a record over 256 KB', { requestParameters: { blob: 'x'.repeat(MAX_RECORD_BYTES) } }, 'RecordTooLarge'],
  ])('refuses %s', (_case, overrides, code) => {
    expect(failureOf(checkServiceRecord(record(overrides), NOW))).toBe(code);
  });

  it('refuses anything that is not an object, without an eventID to name', () => {
    for (const raw of [null, 'record', 7, [record()]]) {
      expect(checkServiceRecord(raw, NOW)).toEqual({
        ok: false,
        failure: { code: 'InvalidRecord', message: 'A record must be a JSON object.' },
      });
    }
  });

  it('never throws, and accepts only records whose members all have their forms (property)', () => {
    const member = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.string({ maxLength: 40 }),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    );
    const keys = Object.keys(record()).concat('userIdentity', 'resources', 'requestParameters', 'errorCode');
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), member), fc.boolean(), (mutations, startValid) => {
        const raw = { ...(startValid ? record() : {}), ...mutations };
        const check = checkServiceRecord(raw, NOW);
        if (!check.ok) return;
        // What passes can be stored and read back by delivery and LookupEvents without surprises.
        const stored = storedServiceEvent(check.record, null);
        expect(stored.eventTime.getTime()).not.toBeNaN();
        expect(typeof check.record.readOnly).toBe('boolean');
        expect(check.record.managementEvent).toBe(check.record.eventCategory === 'Management');
        expect(stored.resources.every((r) => typeof r.arn === 'string' && typeof r.type === 'string')).toBe(
          true,
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe(planBatch.name, () => {
  const standings = new Map([
    [recipientKey('111122223333', 'us-east-1'), { exists: true, regionEnabled: true }],
    [recipientKey('111122223333', 'ap-east-1'), { exists: true, regionEnabled: false }],
  ]);

  it('answers every record in order, stores each eventID once, and blocks no good record', () => {
    const second = '5f0c5e9e-7f33-4d0e-9b9f-2e3d4c5b6a71';
    const checks = [
      record(),
      record({ eventID: second, recipientAccountId: '999999999999' }),
      record({ eventID: second, awsRegion: 'ap-east-1' }),
      record({ eventName: 7 }),
      record(),
    ].map((raw) => checkServiceRecord(raw, NOW));
    const { outcomes, toStore } = planBatch(checks, standings);
    expect(outcomes.map((o) => [o.index, o.failure?.code])).toEqual([
      [0, undefined],
      [1, 'AccountNotFound'],
      [2, 'RegionNotEnabled'],
      [3, 'InvalidRecord'],
      [4, undefined],
    ]);
    expect(outcomes[3].eventId).toBe(record().eventID);
    expect(toStore.map((r) => r.eventID)).toEqual([record().eventID]);
  });
});

describe(storedServiceEvent.name, () => {
  it('stores the record as given with the members Trailplane owns, and the lookup columns', () => {
    const given = record({
      eventVersion: '1.05',
      sharedEventID: 'a0d2f1c4-1111-4222-8333-944455556666',
      userIdentity: {
        type: 'AssumedRole',
        arn: 'arn:aws:sts::111122223333:assumed-role/ops/alice',
        accessKeyId: 'ASIA1',
      },
      resources: [{ ARN: 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', type: 'AWS::EC2::Instance' }],
    });
    const stored = storedServiceEvent(given as never, 'o-abc');
    expect(stored.record).toEqual({
      ...given,
      eventVersion: '1.11',
      sharedEventID: undefined,
      requestParameters: null,
      responseElements: null,
    });
    expect(stored.record).not.toHaveProperty('sharedEventID');
    expect(stored).toMatchObject({
      username: 'alice',
      accessKeyId: 'ASIA1',
      management: true,
      organizationId: 'o-abc',
      resources: [
        {
          arn: 'arn:aws:ec2:us-east-1:111122223333:instance/i-1',
          type: 'AWS::EC2::Instance',
          name: 'i-1',
          accountId: '111122223333',
        },
      ],
    });
  });
});

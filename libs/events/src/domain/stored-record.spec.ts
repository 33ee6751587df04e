import { type StoredEvent } from './event-record';
import { storedRecord } from './stored-record';

const event = (record: Record<string, unknown>, overrides: Partial<StoredEvent> = {}): StoredEvent =>
  ({
    eventId: '0b7e3f7a-5d0c-4a59-9f57-2f1c2d9a8e11',
    accountId: '111122223333',
    region: 'us-east-1',
    eventTime: new Date('2026-12-07T06:19:05.123Z'),
    eventName: 'GetTrail',
    eventSource: 'cloudtrail.amazonaws.com',
    readOnly: true,
    username: null,
    accessKeyId: null,
    errorCode: null,
    requestId: 'req-1',
    resources: [],
    management: true,
    organizationId: null,
    record,
    ...overrides,
  }) as StoredEvent;

const whole = {
  eventVersion: '1.11',
  eventTime: '2026-12-07T06:19:05Z',
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'GetTrail',
  awsRegion: 'us-east-1',
  requestID: 'req-1',
  eventID: '0b7e3f7a-5d0c-4a59-9f57-2f1c2d9a8e11',
  readOnly: true,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: '111122223333',
  eventCategory: 'Management',
  requestParameters: { name: 'trail' },
};

describe('storedRecord', () => {
  it('leaves out every field that repeats a column, and marks each', () => {
    const { record, stripped } = storedRecord(event(whole));
    expect(record).toEqual({ eventType: 'AwsApiCall', requestParameters: { name: 'trail' } });
    expect(stripped).toBe(4095 & ~1024);
  });

  it('leaves out an errorCode equal to the column', () => {
    const { record, stripped } = storedRecord(
      event({ errorCode: 'AccessDenied' }, { errorCode: 'AccessDenied' }),
    );
    expect(record).toEqual({});
    expect(stripped).toBe(1024);
  });

  it('keeps what the database would not rebuild exactly', () => {
    const kept = {
      eventID: '0B7E3F7A-5D0C-4A59-9F57-2F1C2D9A8E11',
      eventTime: '2026-12-07T06:19:05.123Z',
      readOnly: 'true',
      awsRegion: 'us-west-2',
      eventVersion: '1.08',
      eventCategory: 'Data',
      errorCode: null,
    };
    expect(storedRecord(event(kept))).toEqual({ record: kept, stripped: 0 });
  });

  it('keeps a time the database would write otherwise (years past 9999)', () => {
    const far = new Date('+010000-01-01T00:00:00Z');
    const record = { eventTime: far.toISOString().replace(/\.\d{3}Z$/, 'Z') };
    expect(storedRecord(event(record, { eventTime: far }))).toEqual({ record, stripped: 0 });
  });

  it('does not change the event it was given', () => {
    const given = event({ ...whole });
    storedRecord(given);
    expect(given.record).toEqual(whole);
  });
});

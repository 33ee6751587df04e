import { DEFAULT_EVENT_SELECTORS } from './event-selectors';
import { type SelectableEvent, selectsEvent } from './selects-event';
import {
  type AdvancedEventSelector,
  type AdvancedFieldSelector,
  type EventSelector,
  type TrailEventSelectors,
} from './trail';

const OBJECT_ARN = 'arn:aws:s3:::logs-bucket/app/2024/01.json';
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:handler';
const TABLE_ARN = 'arn:aws:dynamodb:us-east-1:123456789012:table/orders';
const USER_ARN = 'arn:aws:iam::123456789012:user/alice';

const managementEvent = (fields: Partial<SelectableEvent> = {}): SelectableEvent => ({
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'CreateTrail',
  eventType: 'AwsApiCall',
  eventCategory: 'Management',
  readOnly: false,
  userIdentity: { type: 'IAMUser', arn: USER_ARN },
  ...fields,
});
const dataEvent = (fields: Partial<SelectableEvent> = {}): SelectableEvent => ({
  eventSource: 's3.amazonaws.com',
  eventName: 'GetObject',
  eventType: 'AwsApiCall',
  eventCategory: 'Data',
  readOnly: true,
  resources: [{ type: 'AWS::S3::Object', ARN: OBJECT_ARN }],
  userIdentity: { type: 'IAMUser', arn: USER_ARN },
  ...fields,
});

const basic = (...eventSelectors: Partial<EventSelector>[]): TrailEventSelectors => ({
  kind: 'basic',
  eventSelectors: eventSelectors.map((fields) => ({ ...DEFAULT_EVENT_SELECTORS[0], ...fields })),
});
const s3Data = (...values: string[]): Partial<EventSelector> => ({
  includeManagementEvents: false,
  dataResources: [{ type: 'AWS::S3::Object', values }],
});
const advanced = (...selectors: AdvancedFieldSelector[][]): TrailEventSelectors => ({
  kind: 'advanced',
  advancedEventSelectors: selectors.map((fieldSelectors): AdvancedEventSelector => ({ fieldSelectors })),
});
/** One advanced selector with one field selector. */
const only = (fieldSelector: AdvancedFieldSelector): TrailEventSelectors => advanced([fieldSelector]);

describe(selectsEvent.name, () => {
  describe('without selectors', () => {
    it('selects read and write management events', () => {
      expect(selectsEvent(undefined, managementEvent({ readOnly: true }))).toBe(true);
      expect(selectsEvent(undefined, managementEvent({ readOnly: false }))).toBe(true);
    });

    it('selects no data events and no other categories', () => {
      expect(selectsEvent(undefined, dataEvent())).toBe(false);
      expect(selectsEvent(undefined, managementEvent({ eventCategory: 'Insight' }))).toBe(false);
    });

    it('treats an empty list of either kind as no selectors', () => {
      expect(selectsEvent({ kind: 'basic', eventSelectors: [] }, managementEvent())).toBe(true);
      expect(selectsEvent({ kind: 'advanced', advancedEventSelectors: [] }, dataEvent())).toBe(false);
    });

    it('matches the default a new trail stores', () => {
      const stored = basic({});
      expect(selectsEvent(stored, managementEvent())).toBe(true);
      expect(selectsEvent(stored, dataEvent())).toBe(false);
    });
  });

  describe('basic selectors, management events', () => {
    it('needs IncludeManagementEvents', () => {
      expect(selectsEvent(basic({ includeManagementEvents: false }), managementEvent())).toBe(false);
    });

    it.each([
      ['All', true, true],
      ['All', false, true],
      ['ReadOnly', true, true],
      ['ReadOnly', false, false],
      ['WriteOnly', true, false],
      ['WriteOnly', false, true],
    ] as const)('ReadWriteType %s with readOnly %s selects: %s', (readWriteType, readOnly, selected) => {
      expect(selectsEvent(basic({ readWriteType }), managementEvent({ readOnly }))).toBe(selected);
    });

    it('leaves out sources in ExcludeManagementEventSources, and only those', () => {
      const selectors = basic({ excludeManagementEventSources: ['kms.amazonaws.com'] });
      expect(selectsEvent(selectors, managementEvent({ eventSource: 'kms.amazonaws.com' }))).toBe(false);
      expect(selectsEvent(selectors, managementEvent({ eventSource: 'rdsdata.amazonaws.com' }))).toBe(true);
    });

    it('does not select management events by data resources', () => {
      const event = managementEvent({ resources: [{ type: 'AWS::S3::Object', ARN: OBJECT_ARN }] });
      expect(selectsEvent(basic(s3Data('arn:aws:s3')), event)).toBe(false);
    });

    it('selects when ANY selector does', () => {
      const selectors = basic({ readWriteType: 'ReadOnly' }, { readWriteType: 'WriteOnly' });
      expect(selectsEvent(selectors, managementEvent({ readOnly: true }))).toBe(true);
      expect(selectsEvent(selectors, managementEvent({ readOnly: false }))).toBe(true);
    });
  });

  describe('basic selectors, data events', () => {
    it('selects every object with the all-resources value', () => {
      expect(selectsEvent(basic(s3Data('arn:aws:s3')), dataEvent())).toBe(true);
    });

    it('takes the all-resources value in the partition of the resource', () => {
      const event = dataEvent({ resources: [{ type: 'AWS::S3::Object', ARN: 'arn:aws-cn:s3:::b/k' }] });
      expect(selectsEvent(basic(s3Data('arn:aws-cn:s3')), event)).toBe(true);
      expect(selectsEvent(basic(s3Data('arn:aws:s3')), event)).toBe(false);
    });

    it('selects the objects of a bucket, or under a key prefix, and no others', () => {
      expect(selectsEvent(basic(s3Data('arn:aws:s3:::logs-bucket/')), dataEvent())).toBe(true);
      expect(selectsEvent(basic(s3Data('arn:aws:s3:::logs-bucket/app/')), dataEvent())).toBe(true);
      expect(selectsEvent(basic(s3Data('arn:aws:s3:::logs-bucket/web/')), dataEvent())).toBe(false);
      expect(selectsEvent(basic(s3Data('arn:aws:s3:::logs/')), dataEvent())).toBe(false);
    });

    it('selects when any value of the entry covers the resource', () => {
      expect(
        selectsEvent(basic(s3Data('arn:aws:s3:::other/', 'arn:aws:s3:::logs-bucket/')), dataEvent()),
      ).toBe(true);
    });

    it('needs the entry type to equal the resource type', () => {
      const selectors = basic({
        includeManagementEvents: false,
        dataResources: [{ type: 'AWS::Lambda::Function', values: ['arn:aws'] }],
      });
      expect(selectsEvent(selectors, dataEvent())).toBe(false);
    });

    it('selects by any resource of the event', () => {
      const event = dataEvent({
        resources: [
          { type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::logs-bucket' },
          { type: 'AWS::S3::Object', ARN: OBJECT_ARN },
        ],
      });
      expect(selectsEvent(basic(s3Data('arn:aws:s3:::logs-bucket/')), event)).toBe(true);
    });

    it('selects no data event without resources', () => {
      expect(selectsEvent(basic(s3Data('arn:aws:s3')), dataEvent({ resources: [] }))).toBe(false);
      expect(selectsEvent(basic(s3Data('arn:aws:s3')), dataEvent({ resources: undefined }))).toBe(false);
    });

    it.each([
      ['AWS::Lambda::Function', 'arn:aws:lambda', FUNCTION_ARN],
      ['AWS::Lambda::Function', FUNCTION_ARN, FUNCTION_ARN],
      ['AWS::DynamoDB::Table', 'arn:aws:dynamodb', TABLE_ARN],
      ['AWS::DynamoDB::Table', TABLE_ARN, TABLE_ARN],
    ])('selects %s by %s', (type, value, arn) => {
      const selectors = basic({ includeManagementEvents: false, dataResources: [{ type, values: [value] }] });
      expect(selectsEvent(selectors, dataEvent({ resources: [{ type, ARN: arn }] }))).toBe(true);
    });

    it.each([
      ['All', true, true],
      ['All', false, true],
      ['ReadOnly', true, true],
      ['ReadOnly', false, false],
      ['WriteOnly', true, false],
      ['WriteOnly', false, true],
    ] as const)('ReadWriteType %s with readOnly %s selects: %s', (readWriteType, readOnly, selected) => {
      const selectors = basic({ ...s3Data('arn:aws:s3'), readWriteType });
      expect(selectsEvent(selectors, dataEvent({ readOnly }))).toBe(selected);
    });

    it('ignores IncludeManagementEvents and ExcludeManagementEventSources for data events', () => {
      const selectors = basic({
        ...s3Data('arn:aws:s3'),
        includeManagementEvents: true,
        excludeManagementEventSources: ['s3.amazonaws.com'],
      });
      expect(selectsEvent(selectors, dataEvent())).toBe(true);
    });
  });

  describe('advanced selectors, operators', () => {
    const named = (eventName: string) => managementEvent({ eventName });

    it.each([
      ['Equals', { equals: ['GetObject', 'PutObject'] }, ['PutObject'], ['Put', 'PutObjectAcl']],
      ['StartsWith', { startsWith: ['Get', 'Head'] }, ['HeadObject', 'Get'], ['ListObjects', 'xGet']],
      ['EndsWith', { endsWith: ['Object', 'Bucket'] }, ['PutObject', 'Bucket'], ['ListObjects', 'Objectx']],
      ['NotEquals', { notEquals: ['GetObject', 'PutObject'] }, ['Get', 'PutObjectAcl'], ['PutObject']],
      ['NotStartsWith', { notStartsWith: ['Get', 'Head'] }, ['ListObjects', 'xGet'], ['GetObject', 'Head']],
      ['NotEndsWith', { notEndsWith: ['Object', 'Bucket'] }, ['ListObjects', 'Objectx'], ['PutObject']],
    ])('%s', (_name, operator, matching, failing) => {
      const selectors = only({ field: 'eventName', ...operator });
      for (const name of matching) expect(selectsEvent(selectors, named(name))).toBe(true);
      for (const name of failing) expect(selectsEvent(selectors, named(name))).toBe(false);
    });

    it('compares case-sensitively', () => {
      expect(selectsEvent(only({ field: 'eventName', equals: ['getobject'] }), named('GetObject'))).toBe(
        false,
      );
      expect(selectsEvent(only({ field: 'eventName', startsWith: ['get'] }), named('GetObject'))).toBe(false);
      expect(selectsEvent(only({ field: 'eventName', notEquals: ['getobject'] }), named('GetObject'))).toBe(
        true,
      );
    });

    it('needs every positive operator present to hold for some of its values', () => {
      const selectors = only({ field: 'eventName', startsWith: ['Get', 'Put'], endsWith: ['Acl'] });
      expect(selectsEvent(selectors, named('GetObjectAcl'))).toBe(true);
      expect(selectsEvent(selectors, named('GetObject'))).toBe(false);
      expect(selectsEvent(selectors, named('ListAcl'))).toBe(false);
    });

    it('refuses a value any negative operator holds for, whatever the positive ones say', () => {
      const selectors = only({ field: 'eventName', startsWith: ['Get'], notEndsWith: ['Acl'] });
      expect(selectsEvent(selectors, named('GetObject'))).toBe(true);
      expect(selectsEvent(selectors, named('GetObjectAcl'))).toBe(false);
    });

    it('needs EVERY field selector of a selector to match', () => {
      const selectors = advanced([
        { field: 'eventCategory', equals: ['Management'] },
        { field: 'eventName', equals: ['CreateTrail'] },
      ]);
      expect(selectsEvent(selectors, named('CreateTrail'))).toBe(true);
      expect(selectsEvent(selectors, named('DeleteTrail'))).toBe(false);
    });

    it('selects when ANY selector matches', () => {
      const selectors = advanced(
        [{ field: 'eventName', equals: ['CreateTrail'] }],
        [{ field: 'eventName', equals: ['DeleteTrail'] }],
      );
      expect(selectsEvent(selectors, named('DeleteTrail'))).toBe(true);
      expect(selectsEvent(selectors, named('UpdateTrail'))).toBe(false);
    });
  });

  describe('advanced selectors, fields', () => {
    it('eventCategory', () => {
      const selectors = only({ field: 'eventCategory', equals: ['Data'] });
      expect(selectsEvent(selectors, dataEvent())).toBe(true);
      expect(selectsEvent(selectors, managementEvent())).toBe(false);
    });

    it('eventSource', () => {
      const selectors = only({ field: 'eventSource', notEquals: ['kms.amazonaws.com'] });
      expect(selectsEvent(selectors, managementEvent())).toBe(true);
      expect(selectsEvent(selectors, managementEvent({ eventSource: 'kms.amazonaws.com' }))).toBe(false);
    });

    it('eventName', () => {
      const selectors = only({ field: 'eventName', equals: ['GetObject'] });
      expect(selectsEvent(selectors, dataEvent())).toBe(true);
      expect(selectsEvent(selectors, dataEvent({ eventName: 'PutObject' }))).toBe(false);
    });

    it('readOnly compares "true" and "false"', () => {
      const reads = only({ field: 'readOnly', equals: ['true'] });
      const writes = only({ field: 'readOnly', equals: ['false'] });
      expect(selectsEvent(reads, dataEvent({ readOnly: true }))).toBe(true);
      expect(selectsEvent(reads, dataEvent({ readOnly: false }))).toBe(false);
      expect(selectsEvent(writes, dataEvent({ readOnly: false }))).toBe(true);
      expect(selectsEvent(writes, dataEvent({ readOnly: true }))).toBe(false);
    });

    it('resources.type matches any resource of the event', () => {
      const selectors = only({ field: 'resources.type', equals: ['AWS::S3::Object'] });
      const bucketAndObject = dataEvent({
        resources: [
          { type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::logs-bucket' },
          { type: 'AWS::S3::Object', ARN: OBJECT_ARN },
        ],
      });
      expect(selectsEvent(selectors, bucketAndObject)).toBe(true);
      expect(selectsEvent(selectors, dataEvent({ resources: [{ type: 'AWS::S3::Bucket', ARN: 'x' }] }))).toBe(
        false,
      );
    });

    it('resources.ARN matches when one resource matches every operator', () => {
      const selectors = only({
        field: 'resources.ARN',
        startsWith: ['arn:aws:s3:::logs-bucket/'],
        notEndsWith: ['.tmp'],
      });
      const twoObjects = (first: string, second: string) =>
        dataEvent({
          resources: [
            { type: 'AWS::S3::Object', ARN: first },
            { type: 'AWS::S3::Object', ARN: second },
          ],
        });
      expect(selectsEvent(selectors, twoObjects('arn:aws:s3:::other/a', OBJECT_ARN))).toBe(true);
      expect(
        selectsEvent(selectors, twoObjects('arn:aws:s3:::logs-bucket/a.tmp', 'arn:aws:s3:::other/a')),
      ).toBe(false);
    });

    it('a resources field never matches an event without resources, even by a negative operator', () => {
      const selectors = only({ field: 'resources.ARN', notStartsWith: ['arn:aws:s3:::secret/'] });
      expect(selectsEvent(selectors, dataEvent({ resources: [] }))).toBe(false);
      expect(selectsEvent(selectors, managementEvent())).toBe(false);
      expect(selectsEvent(selectors, dataEvent())).toBe(true);
    });

    it('eventType', () => {
      const selectors = only({ field: 'eventType', equals: ['AwsServiceEvent'] });
      expect(selectsEvent(selectors, dataEvent({ eventType: 'AwsServiceEvent' }))).toBe(true);
      expect(selectsEvent(selectors, dataEvent())).toBe(false);
    });

    it('userIdentity.arn, absent when the identity has no ARN', () => {
      const selectors = only({ field: 'userIdentity.arn', notStartsWith: ['arn:aws:iam::999999999999:'] });
      expect(selectsEvent(selectors, dataEvent())).toBe(true);
      expect(selectsEvent(selectors, dataEvent({ userIdentity: { type: 'AWSService' } }))).toBe(false);
      expect(selectsEvent(selectors, dataEvent({ userIdentity: undefined }))).toBe(false);
    });

    it('a field §2 does not list matches nothing', () => {
      expect(selectsEvent(only({ field: 'errorCode', notEquals: ['x'] }), dataEvent())).toBe(false);
    });

    it('selects data events of one bucket with a typical data selector', () => {
      const selectors = advanced([
        { field: 'eventCategory', equals: ['Data'] },
        { field: 'resources.type', equals: ['AWS::S3::Object'] },
        { field: 'resources.ARN', startsWith: ['arn:aws:s3:::logs-bucket/'] },
        { field: 'readOnly', equals: ['false'] },
      ]);
      expect(selectsEvent(selectors, dataEvent({ eventName: 'PutObject', readOnly: false }))).toBe(true);
      expect(selectsEvent(selectors, dataEvent())).toBe(false);
      expect(
        selectsEvent(
          selectors,
          managementEvent({ resources: [{ type: 'AWS::S3::Object', ARN: OBJECT_ARN }] }),
        ),
      ).toBe(false);
    });
  });
});

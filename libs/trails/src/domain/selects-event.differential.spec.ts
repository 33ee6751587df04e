import fc from 'fast-check';
import { type SelectableEvent, selectsEvent } from './selects-event';
import {
  type AdvancedFieldSelector,
  type DataResource,
  type EventSelector,
  type ReadWriteType,
  type TrailEventSelectors,
} from './trail';

/**
 * `selectsEvent` against a transcription of delivery.md §2, sentence by sentence, over random
 * selectors (valid or not: the semantics must hold for any stored shape) and random records.
 */
function referenceSelectsEvent(selectors: TrailEventSelectors | undefined, e: SelectableEvent): boolean {
  const management = e.eventCategory === 'Management';
  const data = e.eventCategory === 'Data';
  // "Default (no selectors set): all management events, read and write; no data events."
  if (selectors === undefined) return management;
  if (selectors.kind === 'basic' && selectors.eventSelectors.length === 0) return management;
  if (selectors.kind === 'advanced' && selectors.advancedEventSelectors.length === 0) return management;

  if (selectors.kind === 'basic') {
    // "E is selected if ANY selector selects it."
    for (const s of selectors.eventSelectors) {
      let readWriteMatches = false;
      if (s.readWriteType === 'All') readWriteMatches = true;
      if (s.readWriteType === 'ReadOnly') readWriteMatches = e.readOnly === true;
      if (s.readWriteType === 'WriteOnly') readWriteMatches = e.readOnly === false;
      if (!readWriteMatches) continue;
      if (
        management &&
        s.includeManagementEvents &&
        s.excludeManagementEventSources.indexOf(e.eventSource) === -1
      ) {
        return true;
      }
      if (data) {
        for (const entry of s.dataResources) {
          for (const resource of e.resources ?? []) {
            if (entry.type !== resource.type) continue;
            const partition = resource.ARN.split(':')[1];
            let allResources: string | undefined;
            if (entry.type === 'AWS::S3::Object') allResources = 'arn:' + partition + ':s3';
            if (entry.type === 'AWS::Lambda::Function') allResources = 'arn:' + partition + ':lambda';
            if (entry.type === 'AWS::DynamoDB::Table') allResources = 'arn:' + partition + ':dynamodb';
            for (const value of entry.values) {
              if (value === allResources || resource.ARN.slice(0, value.length) === value) return true;
            }
          }
        }
      }
    }
    return false;
  }

  // "E is selected if ANY advanced selector matches. A selector matches when EVERY field selector matches."
  for (const selector of selectors.advancedEventSelectors) {
    let everyField = true;
    for (const f of selector.fieldSelectors) {
      let values: string[] = [];
      if (f.field === 'eventCategory') values = [e.eventCategory];
      else if (f.field === 'eventSource') values = [e.eventSource];
      else if (f.field === 'eventName') values = [e.eventName];
      else if (f.field === 'readOnly') values = [e.readOnly ? 'true' : 'false'];
      else if (f.field === 'resources.type') values = (e.resources ?? []).map((r) => r.type);
      else if (f.field === 'resources.ARN') values = (e.resources ?? []).map((r) => r.ARN);
      else if (f.field === 'eventType') values = [e.eventType];
      else if (f.field === 'userIdentity.arn' && typeof e.userIdentity?.arn === 'string') {
        values = [e.userIdentity.arn];
      }
      let anyValue = false;
      for (const v of values) {
        const starts = (p: string) => v.slice(0, p.length) === p;
        const ends = (p: string) => p.length <= v.length && v.slice(v.length - p.length) === p;
        let ok = true;
        if (f.equals !== undefined && f.equals.indexOf(v) === -1) ok = false;
        if (f.startsWith !== undefined && !f.startsWith.some(starts)) ok = false;
        if (f.endsWith !== undefined && !f.endsWith.some(ends)) ok = false;
        if (f.notEquals !== undefined && f.notEquals.indexOf(v) !== -1) ok = false;
        if (f.notStartsWith !== undefined && f.notStartsWith.some(starts)) ok = false;
        if (f.notEndsWith !== undefined && f.notEndsWith.some(ends)) ok = false;
        if (ok) anyValue = true;
      }
      if (!anyValue) everyField = false;
    }
    if (everyField) return true;
  }
  return false;
}

const SOURCES = [
  's3.amazonaws.com',
  's3.amazonaws.co',
  'kms.amazonaws.com',
  'rdsdata.amazonaws.com',
  'iam.amazonaws.com',
];
const NAMES = ['GetObject', 'GetObjectAcl', 'PutObject', 'Get', 'Object', 'ListObjectsV2', 'CreateTrail'];
const CATEGORIES = ['Management', 'Data', 'Insight', 'NetworkActivity'];
const EVENT_TYPES = ['AwsApiCall', 'AwsServiceEvent'];
const RESOURCE_TYPES = [
  'AWS::S3::Object',
  'AWS::S3::Bucket',
  'AWS::Lambda::Function',
  'AWS::DynamoDB::Table',
];
const ARNS = [
  'arn:aws:s3:::b',
  'arn:aws:s3:::b/',
  'arn:aws:s3:::b/k',
  'arn:aws:s3:::b/k/l.json',
  'arn:aws:s3:::bb/k',
  'arn:aws-cn:s3:::b/k',
  'arn:aws:lambda:us-east-1:123456789012:function:f',
  'arn:aws:lambda:us-east-1:123456789012:function:f2',
  'arn:aws:dynamodb:us-east-1:123456789012:table/t',
];
const USER_ARNS = ['arn:aws:iam::123456789012:user/alice', 'arn:aws:iam::123456789012:user/al'];
const ALL_RESOURCES_VALUES = ['arn:aws:s3', 'arn:aws-cn:s3', 'arn:aws:lambda', 'arn:aws:dynamodb', 'arn:aws'];
const FIELDS = [
  'eventCategory',
  'eventSource',
  'eventName',
  'readOnly',
  'resources.type',
  'resources.ARN',
  'eventType',
  'userIdentity.arn',
  'errorCode',
];
const WORDS = [
  ...SOURCES,
  ...NAMES,
  ...CATEGORIES,
  ...EVENT_TYPES,
  ...RESOURCE_TYPES,
  ...ARNS,
  ...USER_ARNS,
  'true',
  'false',
];

/** A pool string, a prefix of one or a suffix of one: values that often but not always match. */
const piece = (pool: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...pool), fc.nat(), fc.constantFrom('whole', 'prefix', 'suffix'))
    .map(([word, cut, part]) => {
      const at = cut % (word.length + 1);
      if (part === 'prefix') return word.slice(0, at);
      return part === 'suffix' ? word.slice(at) : word;
    });
const arn = fc.oneof(
  fc.constantFrom(...ARNS),
  fc
    .tuple(fc.constantFrom(...ARNS), fc.string({ unit: fc.constantFrom('a', 'k', '/', ':'), maxLength: 3 }))
    .map(([base, tail]) => base + tail),
);
const event: fc.Arbitrary<SelectableEvent> = fc.record(
  {
    eventSource: fc.constantFrom(...SOURCES),
    eventName: fc.constantFrom(...NAMES),
    eventType: fc.constantFrom(...EVENT_TYPES),
    eventCategory: fc.constantFrom(...CATEGORIES),
    readOnly: fc.boolean(),
    resources: fc.array(fc.record({ type: fc.constantFrom(...RESOURCE_TYPES), ARN: arn }), { maxLength: 3 }),
    userIdentity: fc.oneof(
      fc.record({ type: fc.constant('IAMUser'), arn: fc.constantFrom(...USER_ARNS) }),
      fc.constant({ type: 'AWSService' }),
    ),
  },
  { requiredKeys: ['eventSource', 'eventName', 'eventType', 'eventCategory', 'readOnly'] },
);

const OPERATORS = ['equals', 'startsWith', 'endsWith', 'notEquals', 'notStartsWith', 'notEndsWith'] as const;

/** Words of the record itself, so that conditions often hold for it; other words, so they often do not. */
function wordsOf(record: SelectableEvent): string[] {
  const userArn = record.userIdentity?.arn;
  return [
    record.eventSource,
    record.eventName,
    record.eventType,
    record.eventCategory,
    String(record.readOnly),
    ...(record.resources ?? []).flatMap((resource) => [resource.type, resource.ARN]),
    ...(typeof userArn === 'string' ? [userArn] : []),
  ];
}

/** One or two operators, each with 0–3 operands (an empty list present is a condition no value meets). */
const fieldSelector = (words: fc.Arbitrary<string>): fc.Arbitrary<AdvancedFieldSelector> =>
  fc
    .tuple(
      fc.constantFrom(...FIELDS),
      fc.subarray([...OPERATORS], { minLength: 1, maxLength: 2 }),
      fc.array(fc.array(words, { maxLength: 3 }), { minLength: 2, maxLength: 2 }),
    )
    .map(([field, operators, operands]) => ({
      field,
      ...Object.fromEntries(operators.map((operator, index) => [operator, operands[index]])),
    }));
const dataResource = (arns: fc.Arbitrary<string>): fc.Arbitrary<DataResource> =>
  fc.record({
    type: fc.constantFrom(...RESOURCE_TYPES),
    values: fc.array(fc.oneof(fc.constantFrom(...ALL_RESOURCES_VALUES), arns), { maxLength: 3 }),
  });
const eventSelector = (arns: fc.Arbitrary<string>): fc.Arbitrary<EventSelector> =>
  fc.record({
    readWriteType: fc.constantFrom<ReadWriteType>('All', 'ReadOnly', 'WriteOnly'),
    includeManagementEvents: fc.boolean(),
    dataResources: fc.array(dataResource(arns), { maxLength: 3 }),
    excludeManagementEventSources: fc.subarray(SOURCES),
  });
const arnsFor = (record: SelectableEvent) =>
  fc.oneof(piece([...(record.resources ?? []).map((resource) => resource.ARN), ...ARNS]), piece(ARNS));
const wordsFor = (record: SelectableEvent) => fc.oneof(piece(wordsOf(record)), piece(WORDS));

/** Basic selectors with data resource values drawn partly from `record`'s ARNs. */
const basicSelectorsFor = (record: SelectableEvent): fc.Arbitrary<TrailEventSelectors> =>
  fc.record({
    kind: fc.constant('basic' as const),
    eventSelectors: fc.array(eventSelector(arnsFor(record)), { maxLength: 5 }),
  });
/** Advanced selectors with operands drawn partly from `record`'s values. */
const advancedSelectorsFor = (record: SelectableEvent): fc.Arbitrary<TrailEventSelectors> =>
  fc.record({
    kind: fc.constant('advanced' as const),
    advancedEventSelectors: fc.array(
      fc.record({ fieldSelectors: fc.array(fieldSelector(wordsFor(record)), { maxLength: 3 }) }),
      { maxLength: 4 },
    ),
  });
const casesOf = (
  records: fc.Arbitrary<SelectableEvent>,
  selectorsFor: (record: SelectableEvent) => fc.Arbitrary<TrailEventSelectors | undefined>,
): fc.Arbitrary<[TrailEventSelectors | undefined, SelectableEvent]> =>
  records.chain((record) => fc.tuple(selectorsFor(record), fc.constant(record)));

/** Runs `selectsEvent` and the reference on `cases`; both answers must be common, or agreement says little. */
function expectAgreement(cases: fc.Arbitrary<[TrailEventSelectors | undefined, SelectableEvent]>): void {
  const answers = { selected: 0, refused: 0 };
  fc.assert(
    fc.property(cases, ([trailSelectors, record]) => {
      const selected = selectsEvent(trailSelectors, record);
      answers[selected ? 'selected' : 'refused'] += 1;
      expect(selected).toBe(referenceSelectsEvent(trailSelectors, record));
    }),
    { numRuns: 2000 },
  );
  expect(answers.selected).toBeGreaterThan(200);
  expect(answers.refused).toBeGreaterThan(200);
}

describe(`${selectsEvent.name} against a transcription of the contract`, () => {
  it('agrees on random selectors of any kind, or none, and random records', () => {
    expectAgreement(
      casesOf(event, (record) =>
        fc.oneof(fc.constant(undefined), basicSelectorsFor(record), advancedSelectorsFor(record)),
      ),
    );
  });

  it('agrees on advanced selectors', () => {
    expectAgreement(casesOf(event, advancedSelectorsFor));
  });

  it('agrees on data events and basic selectors', () => {
    const dataEvents = event.map((record): SelectableEvent => ({ ...record, eventCategory: 'Data' }));
    expectAgreement(casesOf(dataEvents, basicSelectorsFor));
  });
});

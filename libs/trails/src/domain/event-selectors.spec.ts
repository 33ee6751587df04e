import {
  DEFAULT_EVENT_SELECTORS,
  describeDataEventLogging,
  describeManagementEventLogging,
  planEventSelectors,
  validateEventSelectors,
} from './event-selectors';
import {
  type AdvancedEventSelector,
  type AdvancedFieldSelector,
  type EventSelector,
  type EventSelectorInput,
  type TrailEventSelectors,
} from './trail';

const rejection = (code: string, message: unknown = expect.any(String)) =>
  expect.objectContaining({ code, message });
const invalidSelectors = (message?: string) => rejection('InvalidEventSelectorsException', message);

const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:handler';
const TABLE_ARN = 'arn:aws:dynamodb:us-east-1:123456789012:table/orders';

const management: AdvancedFieldSelector = { field: 'eventCategory', equals: ['Management'] };
const data: AdvancedFieldSelector = { field: 'eventCategory', equals: ['Data'] };
const s3Objects: AdvancedFieldSelector = { field: 'resources.type', equals: ['AWS::S3::Object'] };
const advanced = (...fieldSelectors: AdvancedFieldSelector[]): AdvancedEventSelector => ({ fieldSelectors });
const basic = (eventSelectors: EventSelector[]): TrailEventSelectors => ({ kind: 'basic', eventSelectors });
const advancedState = (...selectors: AdvancedEventSelector[]): TrailEventSelectors => ({
  kind: 'advanced',
  advancedEventSelectors: selectors,
});
const selector = (fields: Partial<EventSelector>): EventSelector => ({
  ...DEFAULT_EVENT_SELECTORS[0],
  ...fields,
});

describe('DEFAULT_EVENT_SELECTORS', () => {
  it('logs all read and write management events and no data events', () => {
    expect(DEFAULT_EVENT_SELECTORS).toEqual([
      {
        readWriteType: 'All',
        includeManagementEvents: true,
        dataResources: [],
        excludeManagementEventSources: [],
      },
    ]);
  });
});

describe(planEventSelectors.name, () => {
  it('returns basic selectors with defaults filled in', () => {
    expect(planEventSelectors({ eventSelectors: [{ readWriteType: 'WriteOnly' }] }, 'aws')).toEqual({
      kind: 'basic',
      eventSelectors: [selector({ readWriteType: 'WriteOnly' })],
    });
  });

  it('returns advanced selectors as given', () => {
    const advancedEventSelectors = [{ name: 'mgmt', fieldSelectors: [management] }];
    expect(planEventSelectors({ advancedEventSelectors }, 'aws')).toEqual({
      kind: 'advanced',
      advancedEventSelectors,
    });
  });

  it('rejects both kinds together with InvalidEventSelectorsException', () => {
    expect(() =>
      planEventSelectors({ eventSelectors: [{}], advancedEventSelectors: [advanced(management)] }, 'aws'),
    ).toThrow(invalidSelectors('Specify either EventSelectors or AdvancedEventSelectors, but not both.'));
  });

  it('rejects both kinds even when one list is empty', () => {
    expect(() =>
      planEventSelectors({ eventSelectors: [], advancedEventSelectors: [advanced(management)] }, 'aws'),
    ).toThrow(invalidSelectors('Specify either EventSelectors or AdvancedEventSelectors, but not both.'));
  });

  it('rejects a request with neither kind', () => {
    expect(() => planEventSelectors({}, 'aws')).toThrow(
      invalidSelectors('Specify either EventSelectors or AdvancedEventSelectors.'),
    );
  });

  it('rejects an empty advanced list', () => {
    expect(() => planEventSelectors({ advancedEventSelectors: [] }, 'aws')).toThrow(
      invalidSelectors('Specify at least one advanced event selector.'),
    );
  });
});

describe(validateEventSelectors.name, () => {
  it('fills in the model defaults', () => {
    expect(validateEventSelectors([{}], 'aws')).toEqual(DEFAULT_EVENT_SELECTORS);
  });

  it('keeps every field given', () => {
    const given: EventSelectorInput = {
      readWriteType: 'ReadOnly',
      includeManagementEvents: false,
      dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::logs-bucket/'] }],
      excludeManagementEventSources: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'],
    };
    expect(validateEventSelectors([given], 'aws')).toEqual([given]);
  });

  it('accepts five selectors', () => {
    expect(
      validateEventSelectors(
        Array.from({ length: 5 }, () => ({})),
        'aws',
      ),
    ).toHaveLength(5);
  });

  it.each([0, 6])('rejects %i selectors', (count) => {
    expect(() =>
      validateEventSelectors(
        Array.from({ length: count }, () => ({})),
        'aws',
      ),
    ).toThrow(invalidSelectors(`A trail can have 1 to 5 event selectors; ${count} were specified.`));
  });

  it.each(['read-only', 'all', 'ReadWrite', ''])('rejects the ReadWriteType %p', (readWriteType) => {
    expect(() => validateEventSelectors([{ readWriteType }], 'aws')).toThrow(
      invalidSelectors(
        `Value ${readWriteType} for ReadWriteType is invalid. Valid values are ReadOnly, WriteOnly and All.`,
      ),
    );
  });

  it('rejects an unsupported ExcludeManagementEventSources value', () => {
    expect(() =>
      validateEventSelectors([{ excludeManagementEventSources: ['s3.amazonaws.com'] }], 'aws'),
    ).toThrow(
      invalidSelectors(
        'Value s3.amazonaws.com for ExcludeManagementEventSources is invalid. Valid values are kms.amazonaws.com and rdsdata.amazonaws.com.',
      ),
    );
  });

  it.each([
    ['AWS::S3::Object', 'arn:aws:s3'],
    ['AWS::S3::Object', 'arn:aws:s3:::logs-bucket/'],
    ['AWS::S3::Object', 'arn:aws:s3:::logs-bucket/prefix/key'],
    ['AWS::Lambda::Function', 'arn:aws:lambda'],
    ['AWS::Lambda::Function', FUNCTION_ARN],
    ['AWS::DynamoDB::Table', 'arn:aws:dynamodb'],
    ['AWS::DynamoDB::Table', TABLE_ARN],
  ])('accepts the %s data resource %p', (type, value) => {
    expect(() =>
      validateEventSelectors([{ dataResources: [{ type, values: [value] }] }], 'aws'),
    ).not.toThrow();
  });

  it.each([
    ['AWS::S3::Object', 'arn:aws:s3:::*'],
    ['AWS::S3::Object', 'arn:aws:s3:::logs-bucket/*'],
    ['AWS::S3::Object', 'arn:aws:s3:::logs-bucket'],
    ['AWS::S3::Object', 'arn:aws:s3:::'],
    ['AWS::S3::Object', 'arn:aws:s3:::/key'],
    ['AWS::S3::Object', 'arn:aws:s3:::Bad_Bucket/'],
    ['AWS::S3::Object', 'arn:aws-cn:s3'],
    ['AWS::S3::Object', 'arn:aws:lambda'],
    ['AWS::S3::Object', 'logs-bucket/'],
    ['AWS::Lambda::Function', 'arn:aws:lambda:*'],
    ['AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:123456789012:function:*'],
    ['AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:123456789012:function:'],
    ['AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:1234:function:handler'],
    ['AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:123456789012:layer:handler'],
    ['AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:123456789012:function:handler:extra:x'],
    ['AWS::DynamoDB::Table', 'arn:aws:dynamodb:us-east-1:123456789012:table/ab'],
    ['AWS::DynamoDB::Table', 'arn:aws:dynamodb:us-east-1:123456789012:stream/orders'],
    ['AWS::DynamoDB::Table', 'arn:aws:dynamodb:nowhere:123456789012:table/orders'],
    ['AWS::DynamoDB::Table', 'arn:aws:s3'],
  ])('rejects the %s data resource %p', (type, value) => {
    expect(() => validateEventSelectors([{ dataResources: [{ type, values: [value] }] }], 'aws')).toThrow(
      invalidSelectors(`Value ${value} for DataResources.Values is invalid.`),
    );
  });

  it('reads data resource values in the deployment partition', () => {
    expect(() =>
      validateEventSelectors(
        [{ dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws-cn:s3'] }] }],
        'aws-cn',
      ),
    ).not.toThrow();
  });

  it('rejects an unsupported data resource type', () => {
    expect(() =>
      validateEventSelectors(
        [{ dataResources: [{ type: 'AWS::EC2::Snapshot', values: ['arn:aws:ec2'] }] }],
        'aws',
      ),
    ).toThrow(
      invalidSelectors(
        'Value AWS::EC2::Snapshot for DataResources.Type is invalid. Valid values are AWS::S3::Object, AWS::Lambda::Function, AWS::DynamoDB::Table.',
      ),
    );
  });

  it('rejects a data resource without values', () => {
    expect(() =>
      validateEventSelectors([{ dataResources: [{ type: 'AWS::Lambda::Function', values: [] }] }], 'aws'),
    ).toThrow(
      invalidSelectors('DataResources.Values for AWS::Lambda::Function must contain at least one value.'),
    );
  });

  const buckets = (count: number, from = 0) =>
    Array.from({ length: count }, (_, i) => `arn:aws:s3:::bucket-${from + i}/`);

  it('accepts 250 data resources spread over several selectors', () => {
    const selectors = [
      { dataResources: [{ type: 'AWS::S3::Object', values: buckets(200) }] },
      { dataResources: [{ type: 'AWS::S3::Object', values: buckets(50, 200) }] },
    ];
    expect(() => validateEventSelectors(selectors, 'aws')).not.toThrow();
  });

  it('rejects a 251st data resource across selectors', () => {
    const selectors = [
      { dataResources: [{ type: 'AWS::S3::Object', values: buckets(200) }] },
      {
        dataResources: [
          { type: 'AWS::S3::Object', values: buckets(50, 200) },
          { type: 'AWS::Lambda::Function', values: [FUNCTION_ARN] },
        ],
      },
    ];
    expect(() => validateEventSelectors(selectors, 'aws')).toThrow(
      invalidSelectors(
        'A trail can have at most 250 data resources across all event selectors; 251 were specified.',
      ),
    );
  });

  it('does not count "all resources" values toward the 250 limit', () => {
    const selectors = [
      {
        dataResources: [
          { type: 'AWS::S3::Object', values: buckets(250) },
          { type: 'AWS::Lambda::Function', values: ['arn:aws:lambda'] },
          { type: 'AWS::DynamoDB::Table', values: ['arn:aws:dynamodb'] },
        ],
      },
      { dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] },
    ];
    expect(() => validateEventSelectors(selectors, 'aws')).not.toThrow();
  });
});

describe(describeManagementEventLogging.name, () => {
  it.each<[string, TrailEventSelectors, boolean, boolean]>([
    ['the default selectors', basic([...DEFAULT_EVENT_SELECTORS]), true, true],
    ['a ReadOnly selector', basic([selector({ readWriteType: 'ReadOnly' })]), true, false],
    ['a WriteOnly selector', basic([selector({ readWriteType: 'WriteOnly' })]), false, true],
    [
      'a ReadOnly and a WriteOnly selector',
      basic([selector({ readWriteType: 'ReadOnly' }), selector({ readWriteType: 'WriteOnly' })]),
      true,
      true,
    ],
    [
      'a selector excluding management events',
      basic([selector({ includeManagementEvents: false })]),
      false,
      false,
    ],
    [
      'a selector excluding KMS events',
      basic([selector({ excludeManagementEventSources: ['kms.amazonaws.com'] })]),
      true,
      true,
    ],
    ['an advanced management selector', advancedState(advanced(management)), true, true],
    [
      'an advanced read-only management selector',
      advancedState(advanced(management, { field: 'readOnly', equals: ['true'] })),
      true,
      false,
    ],
    [
      'an advanced write-only management selector',
      advancedState(advanced(management, { field: 'readOnly', equals: ['false'] })),
      false,
      true,
    ],
    ['advanced selectors for data events only', advancedState(advanced(data, s3Objects)), false, false],
  ])('reports what %s logs', (_, selectors, read, write) => {
    expect(describeManagementEventLogging(selectors)).toEqual({ read, write });
  });
});

describe(describeDataEventLogging.name, () => {
  const s3Data = { type: 'AWS::S3::Object', values: ['arn:aws:s3'] };

  it.each<[string, TrailEventSelectors, boolean, boolean]>([
    ['the default selectors', basic([...DEFAULT_EVENT_SELECTORS]), false, false],
    ['a selector with data resources', basic([selector({ dataResources: [s3Data] })]), true, true],
    [
      'a WriteOnly selector with data resources',
      basic([selector({ readWriteType: 'WriteOnly', dataResources: [s3Data] })]),
      false,
      true,
    ],
    ['an advanced data selector', advancedState(advanced(data, s3Objects)), true, true],
    [
      'an advanced read-only data selector',
      advancedState(advanced(data, s3Objects, { field: 'readOnly', equals: ['true'] })),
      true,
      false,
    ],
    ['an advanced management selector', advancedState(advanced(management)), false, false],
  ])('reports what %s logs', (_, selectors, read, write) => {
    expect(describeDataEventLogging(selectors)).toEqual({ read, write });
  });
});

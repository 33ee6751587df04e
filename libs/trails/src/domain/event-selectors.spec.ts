import {
  DEFAULT_EVENT_SELECTORS,
  describeDataEventLogging,
  describeManagementEventLogging,
  planEventSelectors,
  validateAdvancedEventSelectors,
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
const network: AdvancedFieldSelector = { field: 'eventCategory', equals: ['NetworkActivity'] };
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

describe(validateAdvancedEventSelectors.name, () => {
  it.each<[string, AdvancedEventSelector[]]>([
    ['all management events', [advanced(management)]],
    [
      'write management events without KMS',
      [
        advanced(
          management,
          { field: 'readOnly', equals: ['false'] },
          { field: 'eventSource', notEquals: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] },
        ),
      ],
    ],
    [
      'S3 data events on a prefix, excluding one',
      [
        advanced(data, s3Objects, {
          field: 'resources.ARN',
          startsWith: ['arn:aws:s3:::logs-bucket/'],
          notStartsWith: ['arn:aws:s3:::logs-bucket/tmp/'],
        }),
      ],
    ],
    [
      'every optional data field',
      [
        advanced(
          data,
          { field: 'resources.type', equals: ['AWS::DynamoDB::Table'] },
          { field: 'eventName', equals: ['PutItem'], notEquals: ['GetItem'] },
          { field: 'eventSource', equals: ['dynamodb.amazonaws.com'] },
          { field: 'eventType', notEquals: ['AwsServiceEvent'] },
          { field: 'readOnly', equals: ['true'] },
          { field: 'resources.ARN', endsWith: ['/orders'] },
          { field: 'sessionCredentialFromConsole', equals: ['true'] },
          { field: 'userIdentity.arn', notEndsWith: ['HumanRole'] },
        ),
      ],
    ],
    [
      'network activity events',
      [
        advanced(
          network,
          { field: 'eventSource', equals: ['kms.amazonaws.com'] },
          { field: 'errorCode', equals: ['VpceAccessDenied'] },
          { field: 'vpcEndpointId', startsWith: ['vpce-'] },
          { field: 'eventName', equals: ['Decrypt'] },
          { field: 'userIdentity.arn', notStartsWith: ['arn:aws:iam::123456789012:role/'] },
        ),
      ],
    ],
    ['a named selector of 1000 characters', [{ name: 'n'.repeat(1000), fieldSelectors: [management] }]],
    [
      'a value of 2048 characters',
      [advanced(data, s3Objects, { field: 'resources.ARN', startsWith: ['a'.repeat(2048)] })],
    ],
    ['several selectors of different categories', [advanced(management), advanced(data, s3Objects)]],
  ])('accepts %s', (_, selectors) => {
    expect(() => validateAdvancedEventSelectors(selectors)).not.toThrow();
  });

  it.each<[string, AdvancedEventSelector[], string]>([
    [
      'a name over 1000 characters',
      [{ name: 'n'.repeat(1001), fieldSelectors: [management] }],
      'AdvancedEventSelectors.1: Name must be at most 1000 characters.',
    ],
    [
      'a selector without field selectors',
      [advanced(management), advanced()],
      'AdvancedEventSelectors.2: FieldSelectors must contain at least one field selector.',
    ],
    [
      'an empty field',
      [advanced(management, { field: '', equals: ['x'] })],
      'AdvancedEventSelectors.1.FieldSelectors.2: Field must be 1 to 1000 characters long.',
    ],
    [
      'a field over 1000 characters',
      [advanced(management, { field: 'f'.repeat(1001), equals: ['x'] })],
      'AdvancedEventSelectors.1.FieldSelectors.2: Field must be 1 to 1000 characters long.',
    ],
    [
      'a field outside the model pattern',
      [advanced(management, { field: 'event-source', equals: ['x'] })],
      'AdvancedEventSelectors.1.FieldSelectors.2: Field event-source does not match the pattern [\\w|\\d|\\.|_]+.',
    ],
    [
      'a field selector without operators',
      [advanced(management, { field: 'readOnly' })],
      'AdvancedEventSelectors.1.FieldSelectors.2: specify at least one operator (Equals, StartsWith, EndsWith, NotEquals, NotStartsWith, NotEndsWith).',
    ],
    [
      'an empty operator list',
      [advanced(data, s3Objects, { field: 'eventName', equals: ['PutObject'], startsWith: [] })],
      'AdvancedEventSelectors.1.FieldSelectors.3.StartsWith must contain at least one value.',
    ],
    [
      'an empty value',
      [advanced(data, s3Objects, { field: 'eventName', notEquals: [''] })],
      'AdvancedEventSelectors.1.FieldSelectors.3.NotEquals: values must be 1 to 2048 characters long.',
    ],
    [
      'a value over 2048 characters',
      [advanced(data, s3Objects, { field: 'resources.ARN', startsWith: ['a'.repeat(2049)] })],
      'AdvancedEventSelectors.1.FieldSelectors.3.StartsWith: values must be 1 to 2048 characters long.',
    ],
    [
      'a wildcard value',
      [advanced(data, s3Objects, { field: 'resources.ARN', equals: ['arn:aws:s3:::*'] })],
      'AdvancedEventSelectors.1.FieldSelectors.3.Equals: value arn:aws:s3:::* is invalid; wildcards (*) are not supported.',
    ],
    [
      'eventCategory with another operator',
      [advanced({ field: 'eventCategory', equals: ['Management'], notEquals: ['Data'] })],
      'AdvancedEventSelectors.1.FieldSelectors.1: the field eventCategory supports only the Equals operator.',
    ],
    [
      'readOnly with StartsWith',
      [advanced(management, { field: 'readOnly', startsWith: ['t'] })],
      'AdvancedEventSelectors.1.FieldSelectors.2: the field readOnly supports only the Equals operator.',
    ],
    [
      'resources.type with NotEquals',
      [advanced(data, { field: 'resources.type', notEquals: ['AWS::S3::Object'] })],
      'AdvancedEventSelectors.1.FieldSelectors.2: the field resources.type supports only the Equals operator.',
    ],
    [
      'a repeated field',
      [
        advanced(
          data,
          s3Objects,
          { field: 'eventName', equals: ['a'] },
          { field: 'eventName', notEquals: ['b'] },
        ),
      ],
      'AdvancedEventSelectors.1.FieldSelectors.4: the field eventName appears more than once in the selector.',
    ],
    [
      'a missing eventCategory',
      [advanced({ field: 'readOnly', equals: ['true'] })],
      'AdvancedEventSelectors.1: every advanced event selector must include the field eventCategory.',
    ],
    [
      'an unknown eventCategory',
      [advanced({ field: 'eventCategory', equals: ['Insight'] })],
      'AdvancedEventSelectors.1: eventCategory must equal exactly one of Management, Data, NetworkActivity; got Insight.',
    ],
    [
      'two eventCategory values',
      [advanced({ field: 'eventCategory', equals: ['Management', 'Data'] })],
      'AdvancedEventSelectors.1: eventCategory must equal exactly one of Management, Data, NetworkActivity; got Management, Data.',
    ],
    [
      'a data field in a management selector',
      [advanced(management, { field: 'resources.ARN', startsWith: ['arn:aws:s3:::b/'] })],
      'AdvancedEventSelectors.1.FieldSelectors.2: the field resources.ARN is not supported for Management events.',
    ],
    [
      'an unknown field',
      [advanced(data, s3Objects, { field: 'awsRegion', equals: ['us-east-1'] })],
      'AdvancedEventSelectors.1.FieldSelectors.3: the field awsRegion is not supported for Data events.',
    ],
    [
      'readOnly in a network activity selector',
      [
        advanced(
          network,
          { field: 'eventSource', equals: ['ec2.amazonaws.com'] },
          { field: 'readOnly', equals: ['true'] },
        ),
      ],
      'AdvancedEventSelectors.1.FieldSelectors.3: the field readOnly is not supported for NetworkActivity events.',
    ],
    [
      'a data selector without resources.type',
      [advanced(data, { field: 'eventName', equals: ['PutObject'] })],
      'AdvancedEventSelectors.1: Data selectors must include the field resources.type.',
    ],
    [
      'a network activity selector without eventSource',
      [advanced(network)],
      'AdvancedEventSelectors.1: NetworkActivity selectors must include the field eventSource.',
    ],
    [
      'a readOnly value other than true or false',
      [advanced(management, { field: 'readOnly', equals: ['yes'] })],
      'AdvancedEventSelectors.1.FieldSelectors.2: value yes for readOnly is invalid. Valid values are true and false.',
    ],
    [
      'two resources.type values',
      [advanced(data, { field: 'resources.type', equals: ['AWS::S3::Object', 'AWS::Lambda::Function'] })],
      'AdvancedEventSelectors.1.FieldSelectors.2: resources.type must equal exactly one resource type.',
    ],
    [
      'a resources.type that is not a resource type',
      [advanced(data, { field: 'resources.type', equals: ['S3Object'] })],
      'AdvancedEventSelectors.1.FieldSelectors.2: value S3Object for resources.type is not a resource type (AWS::<Service>::<Resource>).',
    ],
    [
      'a management eventSource with Equals',
      [advanced(management, { field: 'eventSource', equals: ['kms.amazonaws.com'] })],
      'AdvancedEventSelectors.1.FieldSelectors.2: for Management events eventSource supports only the NotEquals operator.',
    ],
    [
      'a management eventSource that cannot be excluded',
      [advanced(management, { field: 'eventSource', notEquals: ['s3.amazonaws.com'] })],
      'AdvancedEventSelectors.1.FieldSelectors.2: value s3.amazonaws.com for eventSource is invalid for Management events. Valid values are kms.amazonaws.com and rdsdata.amazonaws.com.',
    ],
  ])('rejects %s', (_, selectors, message) => {
    expect(() => validateAdvancedEventSelectors(selectors)).toThrow(invalidSelectors(message));
  });

  const arnConditions = (count: number): AdvancedEventSelector =>
    advanced(data, s3Objects, {
      field: 'resources.ARN',
      startsWith: Array.from({ length: count }, (_, i) => `arn:aws:s3:::bucket-${i}/`),
    });

  it('accepts 500 values across all selectors', () => {
    expect(() => validateAdvancedEventSelectors([arnConditions(248), arnConditions(248)])).not.toThrow();
  });

  it('rejects a 501st value across all selectors', () => {
    expect(() => validateAdvancedEventSelectors([arnConditions(248), arnConditions(249)])).toThrow(
      invalidSelectors(
        'A trail can have at most 500 values across all conditions of its advanced event selectors; 501 were specified.',
      ),
    );
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

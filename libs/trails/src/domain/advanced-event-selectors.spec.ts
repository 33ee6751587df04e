import { validateAdvancedEventSelectors } from './advanced-event-selectors';
import { type AdvancedEventSelector, type AdvancedFieldSelector } from './trail';

const invalidSelectors = (message?: string) =>
  expect.objectContaining({ code: 'InvalidEventSelectorsException', message: message ?? expect.any(String) });

const management: AdvancedFieldSelector = { field: 'eventCategory', equals: ['Management'] };
const data: AdvancedFieldSelector = { field: 'eventCategory', equals: ['Data'] };
const network: AdvancedFieldSelector = { field: 'eventCategory', equals: ['NetworkActivity'] };
const s3Objects: AdvancedFieldSelector = { field: 'resources.type', equals: ['AWS::S3::Object'] };
const advanced = (...fieldSelectors: AdvancedFieldSelector[]): AdvancedEventSelector => ({ fieldSelectors });

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

import {
  type AdvancedEventSelector,
  type DataResource,
  type EventSelector,
  type EventSelectorInput,
  type ReadWriteType,
  type TrailEventSelectors,
} from './trail';
import { ACCOUNT_ID_PATTERN, REGION_PATTERN } from './trail-arn';
import { s3BucketNameProblem } from './trail-destinations';
import { InvalidEventSelectorsError } from './trail.errors';
import {
  EXCLUDABLE_MANAGEMENT_EVENT_SOURCES,
  fieldSelector,
  validateAdvancedEventSelectors,
} from './advanced-event-selectors';

/**
 * PutEventSelectors rules (cloudtrail.md §2.10, §3.7). Every violation is
 * `InvalidEventSelectorsException`, the only selector error the model lists for the operation.
 */

export const MAX_EVENT_SELECTORS = 5;
export const MAX_DATA_RESOURCES = 250;

/** What a new trail logs: all read and write management events, no data events (§2.11). */
export const DEFAULT_EVENT_SELECTORS: readonly EventSelector[] = [
  {
    readWriteType: 'All',
    includeManagementEvents: true,
    dataResources: [],
    excludeManagementEventSources: [],
  },
];

const READ_WRITE_COVERAGE: Readonly<Record<ReadWriteType, ReadWriteCoverage>> = {
  ReadOnly: { read: true, write: false },
  WriteOnly: { read: false, write: true },
  All: { read: true, write: true },
};

type BasicDataResourceType = 'AWS::S3::Object' | 'AWS::Lambda::Function' | 'AWS::DynamoDB::Table';
/**
 * How a basic data resource value is read: `all` names every resource of the type (`arn:aws:s3`)
 * and does not count toward the 250 limit; `one` names a bucket/prefix, function or table.
 */
type DataResourceScope = 'all' | 'one';
const DATA_RESOURCE_SCOPES: Readonly<
  Record<BasicDataResourceType, (value: string, partition: string) => DataResourceScope | undefined>
> = {
  'AWS::S3::Object': s3ObjectScope,
  'AWS::Lambda::Function': lambdaFunctionScope,
  'AWS::DynamoDB::Table': dynamoDbTableScope,
};
const LAMBDA_FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const DYNAMODB_TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/** A PutEventSelectors request: exactly one of the two kinds. */
export interface EventSelectorsChange {
  readonly eventSelectors?: readonly EventSelectorInput[];
  readonly advancedEventSelectors?: readonly AdvancedEventSelector[];
}

/** Which read and write events of one category a trail logs. */
export interface ReadWriteCoverage {
  readonly read: boolean;
  readonly write: boolean;
}

/**
 * The selectors a trail will have after PutEventSelectors: basic selectors with defaults filled
 * in, or advanced selectors as given. Supplying both kinds, or neither, is refused; an empty list
 * counts as supplied (and then fails its own minimum).
 */
export function planEventSelectors(request: EventSelectorsChange, partition: string): TrailEventSelectors {
  const { eventSelectors, advancedEventSelectors } = request;
  if (eventSelectors !== undefined && advancedEventSelectors !== undefined) {
    throw new InvalidEventSelectorsError(
      'Specify either EventSelectors or AdvancedEventSelectors, but not both.',
    );
  }
  if (eventSelectors !== undefined) {
    return { kind: 'basic', eventSelectors: validateEventSelectors(eventSelectors, partition) };
  }
  if (advancedEventSelectors !== undefined) {
    validateAdvancedEventSelectors(advancedEventSelectors);
    return { kind: 'advanced', advancedEventSelectors };
  }
  throw new InvalidEventSelectorsError('Specify either EventSelectors or AdvancedEventSelectors.');
}

/**
 * Validates basic event selectors and returns them with the model defaults filled in
 * (`ReadWriteType` All, `IncludeManagementEvents` true, empty lists):
 * - 1 to 5 selectors; `ReadWriteType` one of ReadOnly, WriteOnly, All;
 * - `ExcludeManagementEventSources` only kms.amazonaws.com and rdsdata.amazonaws.com;
 * - data resource types AWS::S3::Object, AWS::Lambda::Function, AWS::DynamoDB::Table, each with at
 *   least one value of the type's forms: all resources (`arn:<p>:s3`, `arn:<p>:lambda`,
 *   `arn:<p>:dynamodb`), a bucket (`arn:<p>:s3:::bucket/`) or bucket prefix, a function ARN, a
 *   table ARN; no wildcards;
 * - at most 250 data resource values across all selectors, "all resources" values not counted.
 */
export function validateEventSelectors(
  selectors: readonly EventSelectorInput[],
  partition: string,
): EventSelector[] {
  if (selectors.length < 1 || selectors.length > MAX_EVENT_SELECTORS) {
    throw new InvalidEventSelectorsError(
      `A trail can have 1 to ${MAX_EVENT_SELECTORS} event selectors; ${selectors.length} were specified.`,
    );
  }
  let specificDataResources = 0;
  const normalized = selectors.map((selector): EventSelector => {
    const readWriteType = selector.readWriteType ?? 'All';
    if (!isReadWriteType(readWriteType)) {
      throw new InvalidEventSelectorsError(
        `Value ${readWriteType} for ReadWriteType is invalid. Valid values are ReadOnly, WriteOnly and All.`,
      );
    }
    const excludeManagementEventSources = selector.excludeManagementEventSources ?? [];
    const badSource = excludeManagementEventSources.find(
      (source) => !EXCLUDABLE_MANAGEMENT_EVENT_SOURCES.includes(source),
    );
    if (badSource !== undefined) {
      throw new InvalidEventSelectorsError(
        `Value ${badSource} for ExcludeManagementEventSources is invalid. Valid values are ${EXCLUDABLE_MANAGEMENT_EVENT_SOURCES.join(' and ')}.`,
      );
    }
    const dataResources = selector.dataResources ?? [];
    for (const resource of dataResources) specificDataResources += countSpecificValues(resource, partition);
    return {
      readWriteType,
      includeManagementEvents: selector.includeManagementEvents ?? true,
      dataResources,
      excludeManagementEventSources,
    };
  });
  if (specificDataResources > MAX_DATA_RESOURCES) {
    throw new InvalidEventSelectorsError(
      `A trail can have at most ${MAX_DATA_RESOURCES} data resources across all event selectors; ${specificDataResources} were specified.`,
    );
  }
  return normalized;
}

/** Which management events (read, write) a trail logs; Insights depends on it (§3.8). */
export function describeManagementEventLogging(selectors: TrailEventSelectors): ReadWriteCoverage {
  return describeLogging(selectors, 'Management');
}

/** Which data events (read, write) a trail logs; Insights on data events depends on it (§3.8). */
export function describeDataEventLogging(selectors: TrailEventSelectors): ReadWriteCoverage {
  return describeLogging(selectors, 'Data');
}

function describeLogging(selectors: TrailEventSelectors, category: 'Management' | 'Data'): ReadWriteCoverage {
  const coverages =
    selectors.kind === 'basic'
      ? selectors.eventSelectors
          .filter((selector) =>
            category === 'Management' ? selector.includeManagementEvents : selector.dataResources.length > 0,
          )
          .map((selector) => READ_WRITE_COVERAGE[selector.readWriteType])
      : selectors.advancedEventSelectors
          .filter((selector) => fieldSelector(selector, 'eventCategory')?.equals?.includes(category) === true)
          .map(advancedCoverage);
  return { read: coverages.some((c) => c.read), write: coverages.some((c) => c.write) };
}

/** Without a `readOnly` condition a selector logs both; `Equals true` reads, `Equals false` writes. */
function advancedCoverage(selector: AdvancedEventSelector): ReadWriteCoverage {
  const readOnly = fieldSelector(selector, 'readOnly');
  if (readOnly === undefined) return { read: true, write: true };
  const values = readOnly.equals ?? [];
  return { read: values.includes('true'), write: values.includes('false') };
}

function countSpecificValues(resource: DataResource, partition: string): number {
  if (!isBasicDataResourceType(resource.type)) {
    throw new InvalidEventSelectorsError(
      `Value ${resource.type} for DataResources.Type is invalid. Valid values are ${Object.keys(DATA_RESOURCE_SCOPES).join(', ')}.`,
    );
  }
  if (resource.values.length === 0) {
    throw new InvalidEventSelectorsError(
      `DataResources.Values for ${resource.type} must contain at least one value.`,
    );
  }
  const scopeOf = DATA_RESOURCE_SCOPES[resource.type];
  let specific = 0;
  for (const value of resource.values) {
    const scope = value.includes('*') ? undefined : scopeOf(value, partition);
    if (scope === undefined)
      throw new InvalidEventSelectorsError(`Value ${value} for DataResources.Values is invalid.`);
    if (scope === 'one') specific += 1;
  }
  return specific;
}

/** `arn:<p>:s3` (all buckets), or `arn:<p>:s3:::<bucket>/[<prefix>]`. */
function s3ObjectScope(value: string, partition: string): DataResourceScope | undefined {
  if (value === `arn:${partition}:s3`) return 'all';
  const prefix = `arn:${partition}:s3:::`;
  if (!value.startsWith(prefix)) return undefined;
  const bucketAndPrefix = value.slice(prefix.length);
  const slash = bucketAndPrefix.indexOf('/');
  return slash > 0 && s3BucketNameProblem(bucketAndPrefix.slice(0, slash)) === undefined ? 'one' : undefined;
}

/** `arn:<p>:lambda` (all functions), or `arn:<p>:lambda:<region>:<account>:function:<name>`. */
function lambdaFunctionScope(value: string, partition: string): DataResourceScope | undefined {
  if (value === `arn:${partition}:lambda`) return 'all';
  const parts = value.split(':');
  const [prefix, arnPartition, service, region, accountId, resourceType, name] = parts;
  const isFunctionArn =
    parts.length === 7 &&
    prefix === 'arn' &&
    arnPartition === partition &&
    service === 'lambda' &&
    REGION_PATTERN.test(region) &&
    ACCOUNT_ID_PATTERN.test(accountId) &&
    resourceType === 'function' &&
    LAMBDA_FUNCTION_NAME.test(name);
  return isFunctionArn ? 'one' : undefined;
}

/** `arn:<p>:dynamodb` (all tables), or `arn:<p>:dynamodb:<region>:<account>:table/<name>`. */
function dynamoDbTableScope(value: string, partition: string): DataResourceScope | undefined {
  if (value === `arn:${partition}:dynamodb`) return 'all';
  const parts = value.split(':');
  const [prefix, arnPartition, service, region, accountId, resource] = parts;
  const isTableArn =
    parts.length === 6 &&
    prefix === 'arn' &&
    arnPartition === partition &&
    service === 'dynamodb' &&
    REGION_PATTERN.test(region) &&
    ACCOUNT_ID_PATTERN.test(accountId) &&
    resource.startsWith('table/') &&
    DYNAMODB_TABLE_NAME.test(resource.slice('table/'.length));
  return isTableArn ? 'one' : undefined;
}

function isReadWriteType(value: string): value is ReadWriteType {
  return Object.hasOwn(READ_WRITE_COVERAGE, value);
}

function isBasicDataResourceType(value: string): value is BasicDataResourceType {
  return Object.hasOwn(DATA_RESOURCE_SCOPES, value);
}

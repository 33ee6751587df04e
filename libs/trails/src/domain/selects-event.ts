import {
  type AdvancedEventSelector,
  type AdvancedFieldSelector,
  type DataResource,
  type EventSelector,
  type ReadWriteType,
  type TrailEventSelectors,
} from './trail';

/**
 * Which events a trail's selectors select (delivery.md §2). Pure; the delivery worker and the tests'
 * oracle (`coversEvent`) share it.
 */

/** A resource an event names, as in the record's `resources` list (cloudtrail.md §4.1). */
export interface SelectableResource {
  readonly ARN: string;
  readonly type: string;
}

/**
 * The members of a CloudTrail record that selectors read. Structural, so a stored record (the events
 * lib's `CloudTrailRecord`, management or data event) is one without this lib importing it.
 */
export interface SelectableEvent {
  readonly eventSource: string;
  readonly eventName: string;
  readonly eventType: string;
  /** `Management` or `Data`; any other category is selected by no basic selector and no default. */
  readonly eventCategory: string;
  readonly readOnly: boolean;
  readonly resources?: readonly SelectableResource[];
  readonly userIdentity?: Readonly<Record<string, unknown>>;
}

/** The value naming every resource of a basic data resource type, per partition (cloudtrail.md §3.7). */
const ALL_RESOURCES_SERVICE: Readonly<Record<string, string>> = {
  'AWS::S3::Object': 's3',
  'AWS::Lambda::Function': 'lambda',
  'AWS::DynamoDB::Table': 'dynamodb',
};

const READ_WRITE_MATCHES: Readonly<Record<ReadWriteType, (readOnly: boolean) => boolean>> = {
  All: () => true,
  ReadOnly: (readOnly) => readOnly,
  WriteOnly: (readOnly) => !readOnly,
};

type ValueTest = (value: string, operand: string) => boolean;
const equals: ValueTest = (value, operand) => value === operand;
const startsWith: ValueTest = (value, operand) => value.startsWith(operand);
const endsWith: ValueTest = (value, operand) => value.endsWith(operand);
type Operator = Exclude<keyof AdvancedFieldSelector, 'field'>;
const POSITIVE_OPERATORS: readonly (readonly [Operator, ValueTest])[] = [
  ['equals', equals],
  ['startsWith', startsWith],
  ['endsWith', endsWith],
];
const NEGATIVE_OPERATORS: readonly (readonly [Operator, ValueTest])[] = [
  ['notEquals', equals],
  ['notStartsWith', startsWith],
  ['notEndsWith', endsWith],
];

/**
 * The values an advanced field selector compares, per field. A field with several values
 * (`resources.*`, one per resource) matches when one of them does; a field the event lacks (no
 * resources, no `userIdentity.arn`) or that §2 does not list has none, so its selector fails.
 */
const FIELD_VALUES: Readonly<Record<string, (event: SelectableEvent) => readonly string[]>> = {
  eventCategory: (event) => [event.eventCategory],
  eventSource: (event) => [event.eventSource],
  eventName: (event) => [event.eventName],
  eventType: (event) => [event.eventType],
  readOnly: (event) => [String(event.readOnly)],
  'resources.type': (event) => (event.resources ?? []).map((resource) => resource.type),
  'resources.ARN': (event) => (event.resources ?? []).map((resource) => resource.ARN),
  'userIdentity.arn': (event) => {
    const arn = event.userIdentity?.arn;
    return typeof arn === 'string' ? [arn] : [];
  },
};

/**
 * Whether `selectors` select `event`:
 * - none set (`undefined` or an empty list): every management event, read and write; no data events;
 * - basic: ANY selector selects it (management events by `IncludeManagementEvents`,
 *   `ReadWriteType` and `ExcludeManagementEventSources`; data events by `ReadWriteType` and a
 *   matching `DataResources` entry);
 * - advanced: ANY selector has EVERY field selector matching.
 */
export function selectsEvent(selectors: TrailEventSelectors | undefined, event: SelectableEvent): boolean {
  if (selectors === undefined) return isManagementEvent(event);
  switch (selectors.kind) {
    case 'basic':
      return selectors.eventSelectors.length === 0
        ? isManagementEvent(event)
        : selectors.eventSelectors.some((selector) => basicSelectorSelects(selector, event));
    case 'advanced':
      return selectors.advancedEventSelectors.length === 0
        ? isManagementEvent(event)
        : selectors.advancedEventSelectors.some((selector) => advancedSelectorMatches(selector, event));
  }
}

function isManagementEvent(event: SelectableEvent): boolean {
  return event.eventCategory === 'Management';
}

function basicSelectorSelects(selector: EventSelector, event: SelectableEvent): boolean {
  if (!READ_WRITE_MATCHES[selector.readWriteType](event.readOnly)) return false;
  switch (event.eventCategory) {
    case 'Management':
      return (
        selector.includeManagementEvents &&
        !selector.excludeManagementEventSources.includes(event.eventSource)
      );
    case 'Data':
      return selector.dataResources.some((dataResource) => namesAResourceOf(dataResource, event));
    default:
      return false;
  }
}

/** A data resource entry names a resource of the event when the types are equal and a value covers its ARN. */
function namesAResourceOf(dataResource: DataResource, event: SelectableEvent): boolean {
  return (event.resources ?? []).some(
    (resource) =>
      resource.type === dataResource.type &&
      dataResource.values.some((value) => valueCovers(value, resource)),
  );
}

/** The type's all-resources value (`arn:aws:s3`) in the resource's partition, or a prefix of its ARN. */
function valueCovers(value: string, resource: SelectableResource): boolean {
  const service = ALL_RESOURCES_SERVICE[resource.type];
  const partition = resource.ARN.split(':')[1];
  const isAllResources = service !== undefined && value === `arn:${partition}:${service}`;
  return isAllResources || resource.ARN.startsWith(value);
}

function advancedSelectorMatches(selector: AdvancedEventSelector, event: SelectableEvent): boolean {
  return selector.fieldSelectors.every((fieldSelector) => fieldSelectorMatches(fieldSelector, event));
}

function fieldSelectorMatches(fieldSelector: AdvancedFieldSelector, event: SelectableEvent): boolean {
  const valuesOf = Object.hasOwn(FIELD_VALUES, fieldSelector.field)
    ? FIELD_VALUES[fieldSelector.field]
    : undefined;
  if (valuesOf === undefined) return false;
  return valuesOf(event).some((value) => valueMatches(fieldSelector, value));
}

/** Each positive operator present has a value it holds for; no negative operator's value holds. */
function valueMatches(fieldSelector: AdvancedFieldSelector, value: string): boolean {
  const positives = POSITIVE_OPERATORS.every(([operator, test]) => {
    const operands = fieldSelector[operator];
    return operands === undefined || operands.some((operand) => test(value, operand));
  });
  const negatives = NEGATIVE_OPERATORS.every(([operator, test]) =>
    (fieldSelector[operator] ?? []).every((operand) => !test(value, operand)),
  );
  return positives && negatives;
}

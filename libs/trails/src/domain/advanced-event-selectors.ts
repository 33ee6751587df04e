import { type AdvancedEventSelector, type AdvancedFieldSelector } from './trail';
import { InvalidEventSelectorsError } from './trail.errors';

/** Advanced event selector rules (cloudtrail.md §3.7): fields per event category and operators. */

const MAX_ADVANCED_SELECTOR_VALUES = 500;
const ADVANCED_SELECTOR_NAME_MAX_LENGTH = 1000;
const FIELD_MAX_LENGTH = 1000;
const VALUE_MAX_LENGTH = 2048;
export const EXCLUDABLE_MANAGEMENT_EVENT_SOURCES = ['kms.amazonaws.com', 'rdsdata.amazonaws.com'];

const OPERATORS = ['equals', 'startsWith', 'endsWith', 'notEquals', 'notStartsWith', 'notEndsWith'] as const;
type Operator = (typeof OPERATORS)[number];
const OPERATOR_NAMES: Readonly<Record<Operator, string>> = {
  equals: 'Equals',
  startsWith: 'StartsWith',
  endsWith: 'EndsWith',
  notEquals: 'NotEquals',
  notStartsWith: 'NotStartsWith',
  notEndsWith: 'NotEndsWith',
};

type AdvancedEventCategory = 'Management' | 'Data' | 'NetworkActivity';
/** Fields per `eventCategory` [APIREF:AdvancedFieldSelector]; the first ones listed are required. */
const FIELDS_BY_CATEGORY: Readonly<
  Record<AdvancedEventCategory, { required: string[]; optional: string[] }>
> = {
  Management: { required: ['eventCategory'], optional: ['eventSource', 'readOnly'] },
  Data: {
    required: ['eventCategory', 'resources.type'],
    optional: [
      'eventName',
      'eventSource',
      'eventType',
      'readOnly',
      'resources.ARN',
      'sessionCredentialFromConsole',
      'userIdentity.arn',
    ],
  },
  NetworkActivity: {
    required: ['eventCategory', 'eventSource'],
    optional: ['eventName', 'errorCode', 'vpcEndpointId', 'userIdentity.arn'],
  },
};
const EQUALS_ONLY_FIELDS = new Set(['eventCategory', 'readOnly', 'resources.type']);
/** The model's pattern `[\w|\d|\.|_]+`, anchored: word characters, `.` and `|`. */
const FIELD_PATTERN = /^[\w|.]+$/;
const RESOURCE_TYPE_PATTERN = /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

/**
 * Validates advanced event selectors:
 * - at least one selector; `Name` at most 1000 characters; at least one field selector each;
 * - `Field` 1–1000 characters matching the model pattern, at most once per selector, and one of
 *   the fields of the selector's category (Management, Data, NetworkActivity), with that
 *   category's required fields present;
 * - each field selector has at least one operator, each operator list at least one value, each
 *   value 1–2048 characters without `*` wildcards; at most 500 values in all;
 * - `eventCategory`, `readOnly` and `resources.type` take only `Equals`; `eventCategory` exactly
 *   one of Management, Data, NetworkActivity; `readOnly` true or false; `resources.type` exactly one
 *   `AWS::<Service>::<Resource>` value (the list of types grows with AWS, so its shape is checked);
 * - for management events `eventSource` takes only `NotEquals` kms.amazonaws.com or
 *   rdsdata.amazonaws.com.
 */
export function validateAdvancedEventSelectors(selectors: readonly AdvancedEventSelector[]): void {
  if (selectors.length === 0)
    throw new InvalidEventSelectorsError('Specify at least one advanced event selector.');
  const totalValues = selectors
    .flatMap((selector) => selector.fieldSelectors)
    .reduce(
      (total, fieldSelector) => total + presentOperators(fieldSelector).reduce((n, [, v]) => n + v.length, 0),
      0,
    );
  if (totalValues > MAX_ADVANCED_SELECTOR_VALUES) {
    throw new InvalidEventSelectorsError(
      `A trail can have at most ${MAX_ADVANCED_SELECTOR_VALUES} values across all conditions of its advanced event selectors; ${totalValues} were specified.`,
    );
  }
  selectors.forEach((selector, index) =>
    validateAdvancedEventSelector(selector, `AdvancedEventSelectors.${index + 1}`),
  );
}

function validateAdvancedEventSelector(selector: AdvancedEventSelector, path: string): void {
  if (selector.name !== undefined && selector.name.length > ADVANCED_SELECTOR_NAME_MAX_LENGTH) {
    throw new InvalidEventSelectorsError(
      `${path}: Name must be at most ${ADVANCED_SELECTOR_NAME_MAX_LENGTH} characters.`,
    );
  }
  if (selector.fieldSelectors.length === 0)
    throw new InvalidEventSelectorsError(`${path}: FieldSelectors must contain at least one field selector.`);
  const fields = new Set<string>();
  selector.fieldSelectors.forEach((fieldSelector, index) => {
    const fieldPath = `${path}.FieldSelectors.${index + 1}`;
    validateFieldSelectorShape(fieldSelector, fieldPath);
    if (fields.has(fieldSelector.field)) {
      throw new InvalidEventSelectorsError(
        `${fieldPath}: the field ${fieldSelector.field} appears more than once in the selector.`,
      );
    }
    fields.add(fieldSelector.field);
  });
  const category = categoryOf(selector, path);
  const { required, optional } = FIELDS_BY_CATEGORY[category];
  selector.fieldSelectors.forEach((fieldSelector, index) => {
    const fieldPath = `${path}.FieldSelectors.${index + 1}`;
    if (!required.includes(fieldSelector.field) && !optional.includes(fieldSelector.field)) {
      throw new InvalidEventSelectorsError(
        `${fieldPath}: the field ${fieldSelector.field} is not supported for ${category} events.`,
      );
    }
    validateFieldValues(fieldSelector, category, fieldPath);
  });
  const missing = required.find((field) => !fields.has(field));
  if (missing !== undefined)
    throw new InvalidEventSelectorsError(`${path}: ${category} selectors must include the field ${missing}.`);
}

function validateFieldSelectorShape(fieldSelector: AdvancedFieldSelector, path: string): void {
  const { field } = fieldSelector;
  if (field.length < 1 || field.length > FIELD_MAX_LENGTH) {
    throw new InvalidEventSelectorsError(`${path}: Field must be 1 to ${FIELD_MAX_LENGTH} characters long.`);
  }
  if (!FIELD_PATTERN.test(field))
    throw new InvalidEventSelectorsError(
      `${path}: Field ${field} does not match the pattern [\\w|\\d|\\.|_]+.`,
    );
  const operators = presentOperators(fieldSelector);
  if (operators.length === 0) {
    throw new InvalidEventSelectorsError(
      `${path}: specify at least one operator (${Object.values(OPERATOR_NAMES).join(', ')}).`,
    );
  }
  for (const [operator, values] of operators) {
    const operatorPath = `${path}.${OPERATOR_NAMES[operator]}`;
    if (values.length === 0)
      throw new InvalidEventSelectorsError(`${operatorPath} must contain at least one value.`);
    if (values.some((value) => value.length < 1 || value.length > VALUE_MAX_LENGTH)) {
      throw new InvalidEventSelectorsError(
        `${operatorPath}: values must be 1 to ${VALUE_MAX_LENGTH} characters long.`,
      );
    }
    const wildcard = values.find((value) => value.includes('*'));
    if (wildcard !== undefined)
      throw new InvalidEventSelectorsError(
        `${operatorPath}: value ${wildcard} is invalid; wildcards (*) are not supported.`,
      );
    if (operator !== 'equals' && EQUALS_ONLY_FIELDS.has(field)) {
      throw new InvalidEventSelectorsError(`${path}: the field ${field} supports only the Equals operator.`);
    }
  }
}

function categoryOf(selector: AdvancedEventSelector, path: string): AdvancedEventCategory {
  const values = fieldSelector(selector, 'eventCategory')?.equals;
  if (values === undefined)
    throw new InvalidEventSelectorsError(
      `${path}: every advanced event selector must include the field eventCategory.`,
    );
  const [category] = values;
  if (values.length !== 1 || !isAdvancedEventCategory(category)) {
    throw new InvalidEventSelectorsError(
      `${path}: eventCategory must equal exactly one of ${Object.keys(FIELDS_BY_CATEGORY).join(', ')}; got ${values.join(', ')}.`,
    );
  }
  return category;
}

function validateFieldValues(
  fieldSelector: AdvancedFieldSelector,
  category: AdvancedEventCategory,
  path: string,
): void {
  const equals = fieldSelector.equals ?? [];
  switch (fieldSelector.field) {
    case 'readOnly': {
      const bad = equals.find((value) => value !== 'true' && value !== 'false');
      if (bad !== undefined)
        throw new InvalidEventSelectorsError(
          `${path}: value ${bad} for readOnly is invalid. Valid values are true and false.`,
        );
      return;
    }
    case 'resources.type': {
      const [type] = equals;
      if (equals.length !== 1)
        throw new InvalidEventSelectorsError(`${path}: resources.type must equal exactly one resource type.`);
      if (!RESOURCE_TYPE_PATTERN.test(type)) {
        throw new InvalidEventSelectorsError(
          `${path}: value ${type} for resources.type is not a resource type (AWS::<Service>::<Resource>).`,
        );
      }
      return;
    }
    case 'eventSource': {
      if (category !== 'Management') return;
      const operators = presentOperators(fieldSelector);
      if (operators.some(([operator]) => operator !== 'notEquals')) {
        throw new InvalidEventSelectorsError(
          `${path}: for Management events eventSource supports only the NotEquals operator.`,
        );
      }
      const bad = (fieldSelector.notEquals ?? []).find(
        (value) => !EXCLUDABLE_MANAGEMENT_EVENT_SOURCES.includes(value),
      );
      if (bad !== undefined) {
        throw new InvalidEventSelectorsError(
          `${path}: value ${bad} for eventSource is invalid for Management events. Valid values are ${EXCLUDABLE_MANAGEMENT_EVENT_SOURCES.join(' and ')}.`,
        );
      }
      return;
    }
    default:
      return;
  }
}

function presentOperators(fieldSelector: AdvancedFieldSelector): [Operator, readonly string[]][] {
  return OPERATORS.flatMap((operator): [Operator, readonly string[]][] => {
    const values = fieldSelector[operator];
    return values === undefined ? [] : [[operator, values]];
  });
}

export function fieldSelector(
  selector: AdvancedEventSelector,
  field: string,
): AdvancedFieldSelector | undefined {
  return selector.fieldSelectors.find((candidate) => candidate.field === field);
}

function isAdvancedEventCategory(value: string | undefined): value is AdvancedEventCategory {
  return value !== undefined && Object.hasOwn(FIELDS_BY_CATEGORY, value);
}

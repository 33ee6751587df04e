import {
  describeDataEventLogging,
  describeManagementEventLogging,
  type ReadWriteCoverage,
} from './event-selectors';
import {
  type InsightEventCategory,
  type InsightSelector,
  type InsightSelectorInput,
  type InsightType,
  type TrailEventSelectors,
} from './trail';
import { InvalidInsightSelectorsError } from './trail.errors';

const INSIGHT_TYPES: readonly InsightType[] = ['ApiCallRateInsight', 'ApiErrorRateInsight'];
const INSIGHT_EVENT_CATEGORIES: readonly InsightEventCategory[] = ['Management', 'Data'];

/**
 * Validates a PutInsightSelectors list against the trail's current event selectors
 * (cloudtrail.md §2.12, §3.8); every violation is `InvalidInsightSelectorsException`.
 * - An empty list turns Insights off and is always valid.
 * - `InsightType` is ApiCallRateInsight or ApiErrorRateInsight, each at most once.
 * - `EventCategories` holds Management and/or Data, each at most once; omitted means Management.
 *   An empty list is treated as omitted and returned without the field.
 * - Prerequisites, per category the selector covers: Management needs write management events
 *   for ApiCallRateInsight and read or write management events for ApiErrorRateInsight; Data
 *   needs read or write data events for either type.
 */
export function validateInsightSelectors(
  selectors: readonly InsightSelectorInput[],
  eventSelectors: TrailEventSelectors,
): InsightSelector[] {
  const seenTypes = new Set<InsightType>();
  return selectors.map((selector) => {
    const insightType = selector.insightType;
    if (!isInsightType(insightType)) {
      throw new InvalidInsightSelectorsError(
        `Value ${insightType} for InsightType is invalid. Valid values are ${INSIGHT_TYPES.join(' and ')}.`,
      );
    }
    if (seenTypes.has(insightType))
      throw new InvalidInsightSelectorsError(`InsightType ${insightType} is specified more than once.`);
    seenTypes.add(insightType);
    const eventCategories = validEventCategories(selector.eventCategories ?? []);
    for (const category of eventCategories.length === 0 ? ['Management' as const] : eventCategories) {
      assertPrerequisite(insightType, category, eventSelectors);
    }
    return eventCategories.length === 0 ? { insightType } : { insightType, eventCategories };
  });
}

function validEventCategories(categories: readonly string[]): InsightEventCategory[] {
  const valid: InsightEventCategory[] = [];
  for (const category of categories) {
    if (!isInsightEventCategory(category)) {
      throw new InvalidInsightSelectorsError(
        `Value ${category} for EventCategories is invalid. Valid values are ${INSIGHT_EVENT_CATEGORIES.join(' and ')}.`,
      );
    }
    if (valid.includes(category))
      throw new InvalidInsightSelectorsError(`EventCategories contains ${category} more than once.`);
    valid.push(category);
  }
  return valid;
}

function assertPrerequisite(
  insightType: InsightType,
  category: InsightEventCategory,
  eventSelectors: TrailEventSelectors,
): void {
  const logged: ReadWriteCoverage =
    category === 'Management'
      ? describeManagementEventLogging(eventSelectors)
      : describeDataEventLogging(eventSelectors);
  const needsWrite = insightType === 'ApiCallRateInsight' && category === 'Management';
  const satisfied = needsWrite ? logged.write : logged.read || logged.write;
  if (!satisfied) {
    const required = needsWrite
      ? 'write management events'
      : `read or write ${category.toLowerCase()} events`;
    throw new InvalidInsightSelectorsError(
      `${insightType} on ${category} events requires the trail to log ${required}. Update the trail's event selectors, then try again.`,
    );
  }
}

function isInsightType(value: string): value is InsightType {
  return (INSIGHT_TYPES as readonly string[]).includes(value);
}

function isInsightEventCategory(value: string): value is InsightEventCategory {
  return (INSIGHT_EVENT_CATEGORIES as readonly string[]).includes(value);
}

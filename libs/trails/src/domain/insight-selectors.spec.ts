import { DEFAULT_EVENT_SELECTORS } from './event-selectors';
import { validateInsightSelectors } from './insight-selectors';
import { type EventSelector, type InsightSelectorInput, type TrailEventSelectors } from './trail';

const rejection = (code: string, message: unknown = expect.any(String)) =>
  expect.objectContaining({ code, message });
const invalidInsights = (message?: string) => rejection('InvalidInsightSelectorsException', message);

const basic = (...selectors: Partial<EventSelector>[]): TrailEventSelectors => ({
  kind: 'basic',
  eventSelectors: selectors.map((fields) => ({ ...DEFAULT_EVENT_SELECTORS[0], ...fields })),
});
const allManagement = basic({});
const readManagement = basic({ readWriteType: 'ReadOnly' });
const writeManagement = basic({ readWriteType: 'WriteOnly' });
const noManagement = basic({ includeManagementEvents: false });
const s3Data = { type: 'AWS::S3::Object', values: ['arn:aws:s3'] };
const readDataOnly = basic({
  includeManagementEvents: false,
  readWriteType: 'ReadOnly',
  dataResources: [s3Data],
});
const advancedWriteManagement: TrailEventSelectors = {
  kind: 'advanced',
  advancedEventSelectors: [
    {
      fieldSelectors: [
        { field: 'eventCategory', equals: ['Management'] },
        { field: 'readOnly', equals: ['false'] },
      ],
    },
  ],
};

describe(validateInsightSelectors.name, () => {
  it('accepts an empty list, which turns Insights off', () => {
    expect(validateInsightSelectors([], noManagement)).toEqual([]);
  });

  it('accepts both insight types on a trail logging all management events', () => {
    const selectors = [{ insightType: 'ApiCallRateInsight' }, { insightType: 'ApiErrorRateInsight' }];
    expect(validateInsightSelectors(selectors, allManagement)).toEqual(selectors);
  });

  it('keeps explicit event categories', () => {
    const both = basic({ dataResources: [s3Data] });
    expect(
      validateInsightSelectors(
        [{ insightType: 'ApiErrorRateInsight', eventCategories: ['Management', 'Data'] }],
        both,
      ),
    ).toEqual([{ insightType: 'ApiErrorRateInsight', eventCategories: ['Management', 'Data'] }]);
  });

  it('treats an empty category list as omitted (management events)', () => {
    expect(
      validateInsightSelectors([{ insightType: 'ApiCallRateInsight', eventCategories: [] }], allManagement),
    ).toEqual([{ insightType: 'ApiCallRateInsight' }]);
    expect(() =>
      validateInsightSelectors([{ insightType: 'ApiCallRateInsight', eventCategories: [] }], readManagement),
    ).toThrow(invalidInsights());
  });

  it.each<[string, InsightSelectorInput, TrailEventSelectors]>([
    [
      'ApiCallRateInsight with write management events',
      { insightType: 'ApiCallRateInsight' },
      writeManagement,
    ],
    [
      'ApiCallRateInsight with advanced write management events',
      { insightType: 'ApiCallRateInsight' },
      advancedWriteManagement,
    ],
    [
      'ApiErrorRateInsight with read management events',
      { insightType: 'ApiErrorRateInsight' },
      readManagement,
    ],
    [
      'ApiErrorRateInsight with write management events',
      { insightType: 'ApiErrorRateInsight' },
      writeManagement,
    ],
    [
      'ApiCallRateInsight on data events with read data events',
      { insightType: 'ApiCallRateInsight', eventCategories: ['Data'] },
      readDataOnly,
    ],
    [
      'ApiErrorRateInsight on data events with read data events',
      { insightType: 'ApiErrorRateInsight', eventCategories: ['Data'] },
      readDataOnly,
    ],
  ])('accepts %s', (_, selector, eventSelectors) => {
    expect(() => validateInsightSelectors([selector], eventSelectors)).not.toThrow();
  });

  it.each<[string, InsightSelectorInput, TrailEventSelectors, string]>([
    [
      'ApiCallRateInsight with read-only management events',
      { insightType: 'ApiCallRateInsight' },
      readManagement,
      "ApiCallRateInsight on Management events requires the trail to log write management events. Update the trail's event selectors, then try again.",
    ],
    [
      'ApiErrorRateInsight without management events',
      { insightType: 'ApiErrorRateInsight' },
      noManagement,
      "ApiErrorRateInsight on Management events requires the trail to log read or write management events. Update the trail's event selectors, then try again.",
    ],
    [
      'Data insights without data events',
      { insightType: 'ApiErrorRateInsight', eventCategories: ['Data'] },
      allManagement,
      "ApiErrorRateInsight on Data events requires the trail to log read or write data events. Update the trail's event selectors, then try again.",
    ],
    [
      'Management insights on a trail logging only data events',
      { insightType: 'ApiCallRateInsight', eventCategories: ['Management', 'Data'] },
      readDataOnly,
      "ApiCallRateInsight on Management events requires the trail to log write management events. Update the trail's event selectors, then try again.",
    ],
  ])('rejects %s with InvalidInsightSelectorsException', (_, selector, eventSelectors, message) => {
    expect(() => validateInsightSelectors([selector], eventSelectors)).toThrow(invalidInsights(message));
  });

  it.each<[string, InsightSelectorInput[], string]>([
    [
      'an unknown insight type',
      [{ insightType: 'ApiLatencyInsight' }],
      'Value ApiLatencyInsight for InsightType is invalid. Valid values are ApiCallRateInsight and ApiErrorRateInsight.',
    ],
    [
      'a repeated insight type',
      [
        { insightType: 'ApiCallRateInsight' },
        { insightType: 'ApiCallRateInsight', eventCategories: ['Management'] },
      ],
      'InsightType ApiCallRateInsight is specified more than once.',
    ],
    [
      'an unknown event category',
      [{ insightType: 'ApiCallRateInsight', eventCategories: ['Insight'] }],
      'Value Insight for EventCategories is invalid. Valid values are Management and Data.',
    ],
    [
      'a repeated event category',
      [{ insightType: 'ApiCallRateInsight', eventCategories: ['Management', 'Management'] }],
      'EventCategories contains Management more than once.',
    ],
  ])('rejects %s with InvalidInsightSelectorsException', (_, selectors, message) => {
    expect(() => validateInsightSelectors(selectors, allManagement)).toThrow(invalidInsights(message));
  });
});

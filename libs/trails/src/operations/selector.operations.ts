import { defineOperation } from '@app/platform';
import { GetInsightSelectorsUseCase } from '../use-cases/get-insight-selectors.use-case';
import { GetTrailUseCase } from '../use-cases/get-trail.use-case';
import { PutEventSelectorsUseCase } from '../use-cases/put-event-selectors.use-case';
import { PutInsightSelectorsUseCase } from '../use-cases/put-insight-selectors.use-case';
import { eventSelectorsElements } from './trail-elements';
import { TRAIL_CHANGE_ERRORS, TRAIL_LOOKUP_ERRORS } from './trail-errors';
import { trailResource } from './trail-resources';
import {
  PutEventSelectorsRequest,
  PutInsightSelectorsRequest,
  TrailSelectorsRequest,
} from './selector.requests';

/** CloudTrail's event and Insights selector operations (cloudtrail.md §2.10–§2.12). */

export const PutEventSelectors = defineOperation({
  service: 'cloudtrail',
  name: 'PutEventSelectors',
  readOnly: false,
  input: PutEventSelectorsRequest,
  resources: (input, scope) => [trailResource(scope, input.trailName)],
  useCase: PutEventSelectorsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: eventSelectorsElements,
  errors: [...TRAIL_CHANGE_ERRORS, 'InvalidEventSelectorsException'],
});

export const GetEventSelectors = defineOperation({
  service: 'cloudtrail',
  name: 'GetEventSelectors',
  readOnly: true,
  input: TrailSelectorsRequest,
  resources: (input, scope) => [trailResource(scope, input.trailName)],
  useCase: GetTrailUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, { name: input.trailName }),
  errors: TRAIL_LOOKUP_ERRORS,
});

export const PutInsightSelectors = defineOperation({
  service: 'cloudtrail',
  name: 'PutInsightSelectors',
  readOnly: false,
  input: PutInsightSelectorsRequest,
  resources: (input, scope) => [trailResource(scope, input.trailName)],
  useCase: PutInsightSelectorsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (trail) => ({ trailARN: trail.arn, insightSelectors: trail.insightSelectors }),
  errors: [...TRAIL_CHANGE_ERRORS, 'InvalidInsightSelectorsException'],
});

export const GetInsightSelectors = defineOperation({
  service: 'cloudtrail',
  name: 'GetInsightSelectors',
  readOnly: true,
  input: TrailSelectorsRequest,
  resources: (input, scope) => [trailResource(scope, input.trailName)],
  useCase: GetInsightSelectorsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...TRAIL_LOOKUP_ERRORS, 'InsightNotEnabledException'],
});

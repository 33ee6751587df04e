import { GetTrailStatus } from '@app/delivery';
import { LookupEvents } from '@app/events';
import {
  AddTags,
  CreateTrail,
  DeleteTrail,
  DeregisterOrganizationDelegatedAdmin,
  DescribeTrails,
  GetEventSelectors,
  GetInsightSelectors,
  GetTrail,
  ListTags,
  ListTrails,
  PutEventSelectors,
  PutInsightSelectors,
  RegisterOrganizationDelegatedAdmin,
  RemoveTags,
  StartLogging,
  StopLogging,
  UpdateTrail,
} from '@app/trails';
import { awsJson, type AwsJsonService, EMPTY_OUTPUT } from '../aws-json-service';
import { pascalKeys } from '../key-case';
import {
  toAwsEvent,
  toAwsEventSelectors,
  toAwsInsightSelectors,
  toAwsTrail,
  toAwsTrailStatus,
  toAwsTrailSummary,
} from './trail.aws-responses';
import { camelMembers } from '../wire-members';

/** LookupEvents' timestamps are epoch seconds on the wire; anything else is left for validation. */
function lookupEventsInput(body: Record<string, unknown>): object {
  const members = camelMembers(body).members;
  return { ...members, startTime: fromEpoch(members.startTime), endTime: fromEpoch(members.endTime) };
}

function fromEpoch(value: unknown): unknown {
  return typeof value === 'number' ? new Date(value * 1000) : value;
}

/** CloudTrail on AWS JSON 1.1 (`X-Amz-Target: CloudTrail_20131101.<Operation>`). */
export const CLOUDTRAIL_AWS_JSON: AwsJsonService = {
  service: 'cloudtrail',
  targetPrefixes: ['CloudTrail_20131101', 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101'],
  operations: [
    awsJson(CreateTrail, toAwsTrailSummary),
    awsJson(UpdateTrail, toAwsTrailSummary),
    awsJson(DeleteTrail, EMPTY_OUTPUT),
    awsJson(GetTrail, (trail) => ({ Trail: toAwsTrail(trail) })),
    awsJson(DescribeTrails, (trails) => ({ trailList: trails.map(toAwsTrail) })),
    awsJson(ListTrails, (page) => ({
      Trails: page.trails.map((t) => ({ TrailARN: t.arn, Name: t.name, HomeRegion: t.homeRegion })),
      NextToken: page.nextToken,
    })),
    awsJson(StartLogging, EMPTY_OUTPUT),
    awsJson(StopLogging, EMPTY_OUTPUT),
    awsJson(GetTrailStatus, toAwsTrailStatus),
    awsJson(PutEventSelectors, toAwsEventSelectors),
    awsJson(GetEventSelectors, toAwsEventSelectors),
    awsJson(PutInsightSelectors, toAwsInsightSelectors),
    awsJson(GetInsightSelectors, toAwsInsightSelectors),
    awsJson(AddTags, EMPTY_OUTPUT),
    awsJson(RemoveTags, EMPTY_OUTPUT),
    awsJson(ListTags, (resources) => ({
      ResourceTagList: resources.map((resource) => ({
        ResourceId: resource.resourceId,
        TagsList: pascalKeys(resource.tagsList),
      })),
    })),
    awsJson(
      LookupEvents,
      (page) => ({ Events: page.events.map(toAwsEvent), NextToken: page.nextToken }),
      lookupEventsInput,
    ),
    awsJson(RegisterOrganizationDelegatedAdmin, EMPTY_OUTPUT),
    awsJson(DeregisterOrganizationDelegatedAdmin, EMPTY_OUTPUT),
  ],
};

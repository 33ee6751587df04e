import { GetTrailStatus } from '@app/delivery';
import { ListPublicKeys } from '@app/integrity';
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
import { epochSeconds, fromEpochSeconds } from '../aws-wire';
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

/** LookupEvents and ListPublicKeys: camelCase members, StartTime and EndTime in epoch seconds. */
function timeRangeInput(body: Record<string, unknown>): object {
  const members = camelMembers(body).members;
  return {
    ...members,
    startTime: fromEpochSeconds(members.startTime),
    endTime: fromEpochSeconds(members.endTime),
  };
}

/** CreateTrail as the model has it: `createBucket` is a convenience of the REST API only. */
function createTrailInput(body: Record<string, unknown>): object {
  const { members } = camelMembers(body);
  return Object.fromEntries(Object.entries(members).filter(([member]) => member !== 'createBucket'));
}

/** CloudTrail on AWS JSON 1.1 (`X-Amz-Target: CloudTrail_20131101.<Operation>`). */
export const CLOUDTRAIL_AWS_JSON: AwsJsonService = {
  service: 'cloudtrail',
  targetPrefixes: ['CloudTrail_20131101', 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101'],
  operations: [
    awsJson(CreateTrail, toAwsTrailSummary, createTrailInput),
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
      timeRangeInput,
    ),
    awsJson(
      ListPublicKeys,
      (output) => ({
        PublicKeyList: output.publicKeyList.map((key) => ({
          Value: key.publicKeyDer.toString('base64'),
          ValidityStartTime: epochSeconds(key.validityStartTime),
          ValidityEndTime: epochSeconds(key.validityEndTime),
          Fingerprint: key.fingerprint,
        })),
      }),
      timeRangeInput,
    ),
    awsJson(RegisterOrganizationDelegatedAdmin, EMPTY_OUTPUT),
    awsJson(DeregisterOrganizationDelegatedAdmin, EMPTY_OUTPUT),
  ],
};

import {
  AddTagsCommand,
  type CloudTrailClient,
  CreateTrailCommand,
  type CreateTrailCommandInput,
  DeleteTrailCommand,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetInsightSelectorsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
  ListTrailsCommand,
  PutEventSelectorsCommand,
  type PutEventSelectorsCommandInput,
  PutInsightSelectorsCommand,
  type PutInsightSelectorsCommandInput,
  RemoveTagsCommand,
  StartLoggingCommand,
  StopLoggingCommand,
  type Trail,
  UpdateTrailCommand,
  type UpdateTrailCommandInput,
} from '@aws-sdk/client-cloudtrail';
import {
  type AdvancedEventSelector,
  type CreateTrailInput,
  type EventSelectorInput,
  type InsightSelectorInput,
  type Tag,
  type UpdateTrailInput,
} from '@app/trails';
import { type Response } from 'supertest';
import { type TestCredentials } from '../../support/credentials';
import { type RestClient } from '../../support/signed-request';
import { type TestApp } from '../../support/test-app';

/**
 * One trail API, two transports: every method calls the same operation through
 * `@aws-sdk/client-cloudtrail` (AWS JSON 1.1) or through the REST routes, and returns the answer in
 * one camelCase shape, so a test states a behaviour once and runs it over both. A failed call
 * rejects; `failure()` turns the rejection into `{ code, status }` — the SDK error's `name` and HTTP
 * status, or REST's `body.error.code` and status.
 */

export type Transport = 'aws-sdk' | 'rest';
export const TRANSPORTS: readonly Transport[] = ['aws-sdk', 'rest'];

/** A trail as GetTrail / DescribeTrails show it (CreateTrail and UpdateTrail omit the last three). */
export interface TrailView {
  readonly name: string;
  readonly trailArn: string;
  readonly homeRegion?: string;
  readonly s3BucketName: string;
  readonly s3KeyPrefix?: string;
  readonly snsTopicArn?: string;
  readonly includeGlobalServiceEvents: boolean;
  readonly isMultiRegionTrail: boolean;
  readonly logFileValidationEnabled: boolean;
  readonly cloudWatchLogsLogGroupArn?: string;
  readonly cloudWatchLogsRoleArn?: string;
  readonly kmsKeyId?: string;
  readonly isOrganizationTrail: boolean;
  readonly hasCustomEventSelectors?: boolean;
  readonly hasInsightSelectors?: boolean;
}

export interface TrailSummary {
  readonly trailArn: string;
  readonly name: string;
  readonly homeRegion: string;
}

export interface TrailStatusView {
  readonly isLogging: boolean;
  readonly startLoggingTime?: Date;
  readonly stopLoggingTime?: Date;
}

export interface EventSelectorsView {
  readonly trailArn: string;
  readonly eventSelectors?: readonly EventSelectorInput[];
  readonly advancedEventSelectors?: readonly AdvancedEventSelector[];
}

export interface InsightSelectorsView {
  readonly trailArn: string;
  readonly insightSelectors: readonly InsightSelectorInput[];
}

export interface ResourceTagsView {
  readonly resourceId: string;
  readonly tagsList: readonly Tag[];
}

export type TrailUpdate = Omit<UpdateTrailInput, 'name'>;

export interface TrailsApi {
  readonly transport: Transport;
  readonly region: string;
  readonly credentials: TestCredentials;
  inRegion(region: string): TrailsApi;
  createTrail(input: CreateTrailInput): Promise<TrailView>;
  updateTrail(nameOrArn: string, update: TrailUpdate): Promise<TrailView>;
  deleteTrail(nameOrArn: string): Promise<void>;
  getTrail(nameOrArn: string): Promise<TrailView>;
  describeTrails(input?: { trailNameList?: string[]; includeShadowTrails?: boolean }): Promise<TrailView[]>;
  listTrails(nextToken?: string): Promise<{ trails: TrailSummary[]; nextToken?: string }>;
  startLogging(nameOrArn: string): Promise<void>;
  stopLogging(nameOrArn: string): Promise<void>;
  getTrailStatus(nameOrArn: string): Promise<TrailStatusView>;
  putEventSelectors(
    nameOrArn: string,
    selectors: {
      eventSelectors?: readonly EventSelectorInput[];
      advancedEventSelectors?: readonly AdvancedEventSelector[];
    },
  ): Promise<EventSelectorsView>;
  getEventSelectors(nameOrArn: string): Promise<EventSelectorsView>;
  putInsightSelectors(
    nameOrArn: string,
    insightSelectors: readonly InsightSelectorInput[],
  ): Promise<InsightSelectorsView>;
  getInsightSelectors(nameOrArn: string): Promise<InsightSelectorsView>;
  addTags(arn: string, tags: readonly Tag[]): Promise<void>;
  removeTags(arn: string, keys: readonly string[]): Promise<void>;
  /** The AWS SDK sends one ListTags for all ARNs; REST reads `GET …/tags` once per ARN. */
  listTags(arns: readonly string[]): Promise<ResourceTagsView[]>;
}

export function trailsApi(
  app: TestApp,
  transport: Transport,
  credentials: TestCredentials,
  region = 'us-east-1',
): TrailsApi {
  return transport === 'aws-sdk'
    ? new SdkTrailsApi(app, credentials, region)
    : new RestTrailsApi(app, credentials, region);
}

/**
 * The HTTP status of an error on `transport` (cloudtrail.md decision 1): the AWS protocol answers
 * what the live service answers (400 for every client error), REST its semantic status.
 */
export function statusOn(transport: Transport, statuses: { aws: number; rest: number }): number {
  return transport === 'rest' ? statuses.rest : statuses.aws;
}

/** What a failed call answered, whatever the transport. */
export interface ApiFailure {
  readonly code: string;
  readonly status: number;
  readonly message: string;
}

/** Awaits a call that must fail and returns its error code, HTTP status and message. */
export async function failure(call: Promise<unknown>): Promise<ApiFailure> {
  try {
    await call;
  } catch (error) {
    return failureOf(error);
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}

/** What a rejected call answered: a REST error, or an AWS SDK service exception. */
export function failureOf(error: unknown): ApiFailure {
  if (error instanceof RestCallError)
    return { code: error.code, status: error.status, message: error.message };
  const sdkError = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  if (sdkError.$metadata?.httpStatusCode !== undefined) {
    return {
      code: String(sdkError.name),
      status: sdkError.$metadata.httpStatusCode,
      message: String(sdkError.message),
    };
  }
  throw error;
}

/** A call's outcome for races: 'created', or the error code it answered. */
export function outcome(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => 'created',
    (error: unknown) => failureOf(error).code,
  );
}

/** The REST path segment of a trail: a name, or a URL-encoded ARN. */
export function trailPath(nameOrArn: string): string {
  return `/v1/trails/${encodeURIComponent(nameOrArn)}`;
}

// ── AWS SDK ───────────────────────────────────────────────────────────────────────────────────

class SdkTrailsApi implements TrailsApi {
  readonly transport = 'aws-sdk';
  private readonly client: CloudTrailClient;

  constructor(
    private readonly app: TestApp,
    readonly credentials: TestCredentials,
    readonly region: string,
  ) {
    this.client = app.cloudtrail(credentials, region);
  }

  inRegion(region: string): TrailsApi {
    return new SdkTrailsApi(this.app, this.credentials, region);
  }

  async createTrail(input: CreateTrailInput): Promise<TrailView> {
    return fromSdkTrail(
      await this.client.send(new CreateTrailCommand(pascal<CreateTrailCommandInput>(input))),
    );
  }

  async updateTrail(nameOrArn: string, update: TrailUpdate): Promise<TrailView> {
    return fromSdkTrail(
      await this.client.send(
        new UpdateTrailCommand(pascal<UpdateTrailCommandInput>({ ...update, name: nameOrArn })),
      ),
    );
  }

  async deleteTrail(nameOrArn: string): Promise<void> {
    await this.client.send(new DeleteTrailCommand({ Name: nameOrArn }));
  }

  async getTrail(nameOrArn: string): Promise<TrailView> {
    const { Trail: trail } = await this.client.send(new GetTrailCommand({ Name: nameOrArn }));
    return fromSdkTrail(trail ?? {});
  }

  async describeTrails(
    input: { trailNameList?: string[]; includeShadowTrails?: boolean } = {},
  ): Promise<TrailView[]> {
    const { trailList } = await this.client.send(new DescribeTrailsCommand(input));
    return (trailList ?? []).map(fromSdkTrail);
  }

  async listTrails(nextToken?: string): Promise<{ trails: TrailSummary[]; nextToken?: string }> {
    const page = await this.client.send(new ListTrailsCommand({ NextToken: nextToken }));
    return {
      trails: (page.Trails ?? []).map((t) => ({
        trailArn: String(t.TrailARN),
        name: String(t.Name),
        homeRegion: String(t.HomeRegion),
      })),
      ...(page.NextToken !== undefined ? { nextToken: page.NextToken } : {}),
    };
  }

  async startLogging(nameOrArn: string): Promise<void> {
    await this.client.send(new StartLoggingCommand({ Name: nameOrArn }));
  }

  async stopLogging(nameOrArn: string): Promise<void> {
    await this.client.send(new StopLoggingCommand({ Name: nameOrArn }));
  }

  async getTrailStatus(nameOrArn: string): Promise<TrailStatusView> {
    const status = await this.client.send(new GetTrailStatusCommand({ Name: nameOrArn }));
    return withoutUndefined({
      isLogging: Boolean(status.IsLogging),
      startLoggingTime: status.StartLoggingTime,
      stopLoggingTime: status.StopLoggingTime,
    });
  }

  async putEventSelectors(
    nameOrArn: string,
    selectors: {
      eventSelectors?: readonly EventSelectorInput[];
      advancedEventSelectors?: readonly AdvancedEventSelector[];
    },
  ): Promise<EventSelectorsView> {
    const output = await this.client.send(
      new PutEventSelectorsCommand(
        pascal<PutEventSelectorsCommandInput>({ ...selectors, trailName: nameOrArn }),
      ),
    );
    return fromSdkOutput(output);
  }

  async getEventSelectors(nameOrArn: string): Promise<EventSelectorsView> {
    return fromSdkOutput(await this.client.send(new GetEventSelectorsCommand({ TrailName: nameOrArn })));
  }

  async putInsightSelectors(
    nameOrArn: string,
    insightSelectors: readonly InsightSelectorInput[],
  ): Promise<InsightSelectorsView> {
    const output = await this.client.send(
      new PutInsightSelectorsCommand(
        pascal<PutInsightSelectorsCommandInput>({ trailName: nameOrArn, insightSelectors }),
      ),
    );
    return fromSdkOutput(output);
  }

  async getInsightSelectors(nameOrArn: string): Promise<InsightSelectorsView> {
    return fromSdkOutput(await this.client.send(new GetInsightSelectorsCommand({ TrailName: nameOrArn })));
  }

  async addTags(arn: string, tags: readonly Tag[]): Promise<void> {
    await this.client.send(new AddTagsCommand({ ResourceId: arn, TagsList: tags.map(toSdkTag) }));
  }

  async removeTags(arn: string, keys: readonly string[]): Promise<void> {
    await this.client.send(
      new RemoveTagsCommand({ ResourceId: arn, TagsList: keys.map((Key) => ({ Key })) }),
    );
  }

  async listTags(arns: readonly string[]): Promise<ResourceTagsView[]> {
    const { ResourceTagList } = await this.client.send(new ListTagsCommand({ ResourceIdList: [...arns] }));
    return (ResourceTagList ?? []).map((resource) => ({
      resourceId: String(resource.ResourceId),
      tagsList: (resource.TagsList ?? []).map((tag) =>
        withoutUndefined({ key: String(tag.Key), value: tag.Value }),
      ),
    }));
  }
}

function fromSdkTrail(trail: Trail): TrailView {
  return withoutUndefined({
    name: String(trail.Name),
    trailArn: String(trail.TrailARN),
    homeRegion: trail.HomeRegion,
    s3BucketName: String(trail.S3BucketName),
    s3KeyPrefix: trail.S3KeyPrefix,
    snsTopicArn: trail.SnsTopicARN,
    includeGlobalServiceEvents: Boolean(trail.IncludeGlobalServiceEvents),
    isMultiRegionTrail: Boolean(trail.IsMultiRegionTrail),
    logFileValidationEnabled: Boolean(trail.LogFileValidationEnabled),
    cloudWatchLogsLogGroupArn: trail.CloudWatchLogsLogGroupArn,
    cloudWatchLogsRoleArn: trail.CloudWatchLogsRoleArn,
    kmsKeyId: trail.KmsKeyId,
    isOrganizationTrail: Boolean(trail.IsOrganizationTrail),
    hasCustomEventSelectors: trail.HasCustomEventSelectors,
    hasInsightSelectors: trail.HasInsightSelectors,
  });
}

/** A selectors answer in camelCase, `TrailARN` as `trailArn`, without the SDK's metadata. */
function fromSdkOutput<T>(output: { TrailARN?: string; $metadata: unknown }): T {
  const { TrailARN, $metadata: _metadata, ...members } = output;
  return { trailArn: String(TrailARN), ...camel<object>(members) } as T;
}

function toSdkTag(tag: Tag): { Key: string; Value?: string } {
  return tag.value === undefined ? { Key: tag.key } : { Key: tag.key, Value: tag.value };
}

// ── REST ──────────────────────────────────────────────────────────────────────────────────────

/** A REST call that did not answer with its success status. */
export class RestCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

class RestTrailsApi implements TrailsApi {
  readonly transport = 'rest';
  private readonly client: RestClient;

  constructor(
    private readonly app: TestApp,
    readonly credentials: TestCredentials,
    readonly region: string,
  ) {
    this.client = app.rest(credentials, region);
  }

  inRegion(region: string): TrailsApi {
    return new RestTrailsApi(this.app, this.credentials, region);
  }

  async createTrail(input: CreateTrailInput): Promise<TrailView> {
    return ok(await this.client.post('/v1/trails', input), 201);
  }

  async updateTrail(nameOrArn: string, update: TrailUpdate): Promise<TrailView> {
    return ok(await this.client.patch(trailPath(nameOrArn), update), 200);
  }

  async deleteTrail(nameOrArn: string): Promise<void> {
    ok(await this.client.delete(trailPath(nameOrArn)), 204);
  }

  async getTrail(nameOrArn: string): Promise<TrailView> {
    return ok(await this.client.get(trailPath(nameOrArn)), 200);
  }

  async describeTrails(
    input: { trailNameList?: string[]; includeShadowTrails?: boolean } = {},
  ): Promise<TrailView[]> {
    const query = new URLSearchParams();
    for (const name of input.trailNameList ?? []) query.append('name', name);
    if (input.includeShadowTrails !== undefined)
      query.set('includeShadowTrails', String(input.includeShadowTrails));
    const suffix = query.size > 0 ? `?${query.toString()}` : '';
    return ok<{ trailList: TrailView[] }>(await this.client.get(`/v1/trails${suffix}`), 200).trailList;
  }

  async listTrails(nextToken?: string): Promise<{ trails: TrailSummary[]; nextToken?: string }> {
    const suffix = nextToken === undefined ? '' : `?nextToken=${encodeURIComponent(nextToken)}`;
    return ok(await this.client.get(`/v1/trail-summaries${suffix}`), 200);
  }

  async startLogging(nameOrArn: string): Promise<void> {
    ok(await this.client.post(`${trailPath(nameOrArn)}/logging`), 204);
  }

  async stopLogging(nameOrArn: string): Promise<void> {
    ok(await this.client.delete(`${trailPath(nameOrArn)}/logging`), 204);
  }

  async getTrailStatus(nameOrArn: string): Promise<TrailStatusView> {
    const status = ok<{ isLogging: boolean; startLoggingTime?: string; stopLoggingTime?: string }>(
      await this.client.get(`${trailPath(nameOrArn)}/status`),
      200,
    );
    return withoutUndefined({
      isLogging: status.isLogging,
      startLoggingTime: status.startLoggingTime === undefined ? undefined : new Date(status.startLoggingTime),
      stopLoggingTime: status.stopLoggingTime === undefined ? undefined : new Date(status.stopLoggingTime),
    });
  }

  async putEventSelectors(
    nameOrArn: string,
    selectors: {
      eventSelectors?: readonly EventSelectorInput[];
      advancedEventSelectors?: readonly AdvancedEventSelector[];
    },
  ): Promise<EventSelectorsView> {
    return ok(await this.client.put(`${trailPath(nameOrArn)}/event-selectors`, selectors), 200);
  }

  async getEventSelectors(nameOrArn: string): Promise<EventSelectorsView> {
    return ok(await this.client.get(`${trailPath(nameOrArn)}/event-selectors`), 200);
  }

  async putInsightSelectors(
    nameOrArn: string,
    insightSelectors: readonly InsightSelectorInput[],
  ): Promise<InsightSelectorsView> {
    return ok(await this.client.put(`${trailPath(nameOrArn)}/insight-selectors`, { insightSelectors }), 200);
  }

  async getInsightSelectors(nameOrArn: string): Promise<InsightSelectorsView> {
    return ok(await this.client.get(`${trailPath(nameOrArn)}/insight-selectors`), 200);
  }

  async addTags(arn: string, tags: readonly Tag[]): Promise<void> {
    ok(await this.client.post(`${trailPath(arn)}/tags`, { tagsList: tags }), 204);
  }

  async removeTags(arn: string, keys: readonly string[]): Promise<void> {
    const query = new URLSearchParams(keys.map((key): [string, string] => ['key', key]));
    ok(await this.client.delete(`${trailPath(arn)}/tags?${query.toString()}`), 204);
  }

  async listTags(arns: readonly string[]): Promise<ResourceTagsView[]> {
    const result: ResourceTagsView[] = [];
    for (const arn of arns) result.push(ok(await this.client.get(`${trailPath(arn)}/tags`), 200));
    return result;
  }
}

/** The body of a successful REST answer; anything else becomes a `RestCallError`. */
function ok<T>(response: Response, status: number): T {
  if (response.status === status) return response.body as T;
  const error = (response.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  if (!error?.code) {
    throw new Error(`Unexpected REST answer ${response.status}: ${response.text.slice(0, 500)}`);
  }
  return failWith(new RestCallError(response.status, error.code, String(error.message)));
}

function failWith(error: Error): never {
  throw error;
}

// ── shape helpers ─────────────────────────────────────────────────────────────────────────────

function pascal<T>(value: unknown): T {
  return convertKeys(value, (key) => key.charAt(0).toUpperCase() + key.slice(1)) as T;
}

function camel<T>(value: unknown): T {
  return convertKeys(value, (key) => key.charAt(0).toLowerCase() + key.slice(1)) as T;
}

function convertKeys(value: unknown, convert: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => convertKeys(item, convert));
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => [convert(key), convertKeys(member, convert)]),
  );
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}

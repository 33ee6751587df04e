/**
 * Plain data of the trails feature. Field names are the camelCase forms of the CloudTrail model
 * (cloudtrail.md §2); both transports map their DTOs onto the input types, and the domain rules
 * turn inputs into the normalised shapes (`TrailSettings`, `EventSelector`, …).
 *
 * Enum-like request fields (`readWriteType`, `insightType`, …) are typed `string` on the inputs:
 * the domain rules are the authority that rejects a bad value with the code the contract names
 * (`InvalidEventSelectorsException`, …), so the type must admit what a client can send.
 */

/** How a trail is addressed. `arn` carries the home Region and the owner (cloudtrail.md §3.1). */
export interface TrailIdentity {
  readonly partition: string;
  readonly ownerAccountId: string;
  readonly homeRegion: string;
  readonly name: string;
  readonly arn: string;
}

/**
 * What bare resource names in a request resolve against: an SNS topic name or a KMS key id
 * becomes an ARN in this partition, Region and account (the caller's).
 */
export interface TrailScope {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
}

/** A trail's configuration after defaults and normalisation (ARNs are full ARNs). */
export interface TrailSettings {
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
}

/** A tag. A key without a value is stored without one (AddTags doc: value null). */
export interface Tag {
  readonly key: string;
  readonly value?: string;
}

/** CreateTrail request (§2.2). `snsTopicName` is a topic name or ARN. */
export interface CreateTrailInput {
  readonly name: string;
  readonly s3BucketName: string;
  readonly s3KeyPrefix?: string;
  readonly snsTopicName?: string;
  readonly includeGlobalServiceEvents?: boolean;
  readonly isMultiRegionTrail?: boolean;
  readonly enableLogFileValidation?: boolean;
  readonly cloudWatchLogsLogGroupArn?: string;
  readonly cloudWatchLogsRoleArn?: string;
  readonly kmsKeyId?: string;
  readonly isOrganizationTrail?: boolean;
  readonly tagsList?: readonly Tag[];
  /** REST only: create the bucket in the caller's account with the policy the AWS console writes. */
  readonly createBucket?: boolean;
}

/**
 * UpdateTrail request (§2.3): `name` is a trail name or ARN; an omitted field is unchanged, and an
 * empty string clears an optional destination (see `planUpdatedTrailSettings`).
 */
export interface UpdateTrailInput {
  readonly name: string;
  readonly s3BucketName?: string;
  readonly s3KeyPrefix?: string;
  readonly snsTopicName?: string;
  readonly includeGlobalServiceEvents?: boolean;
  readonly isMultiRegionTrail?: boolean;
  readonly enableLogFileValidation?: boolean;
  readonly cloudWatchLogsLogGroupArn?: string;
  readonly cloudWatchLogsRoleArn?: string;
  readonly kmsKeyId?: string;
  readonly isOrganizationTrail?: boolean;
}

export type ReadWriteType = 'ReadOnly' | 'WriteOnly' | 'All';

export interface DataResource {
  readonly type: string;
  readonly values: readonly string[];
}

/** A basic event selector as a client sends it (§2.10); absent fields take the model defaults. */
export interface EventSelectorInput {
  readonly readWriteType?: string;
  readonly includeManagementEvents?: boolean;
  readonly dataResources?: readonly DataResource[];
  readonly excludeManagementEventSources?: readonly string[];
}

/** A basic event selector with every field present, as stored and returned by GetEventSelectors. */
export interface EventSelector {
  readonly readWriteType: ReadWriteType;
  readonly includeManagementEvents: boolean;
  readonly dataResources: readonly DataResource[];
  readonly excludeManagementEventSources: readonly string[];
}

export interface AdvancedFieldSelector {
  readonly field: string;
  readonly equals?: readonly string[];
  readonly startsWith?: readonly string[];
  readonly endsWith?: readonly string[];
  readonly notEquals?: readonly string[];
  readonly notStartsWith?: readonly string[];
  readonly notEndsWith?: readonly string[];
}

export interface AdvancedEventSelector {
  readonly name?: string;
  readonly fieldSelectors: readonly AdvancedFieldSelector[];
}

/** The selectors a trail has: one kind or the other, never both (§2.10). */
export type TrailEventSelectors =
  | { readonly kind: 'basic'; readonly eventSelectors: readonly EventSelector[] }
  | { readonly kind: 'advanced'; readonly advancedEventSelectors: readonly AdvancedEventSelector[] };

export type InsightType = 'ApiCallRateInsight' | 'ApiErrorRateInsight';
export type InsightEventCategory = 'Management' | 'Data';

/** An Insights selector as a client sends it (§2.12). */
export interface InsightSelectorInput {
  readonly insightType: string;
  readonly eventCategories?: readonly string[];
}

/** A validated Insights selector; absent `eventCategories` means management events. */
export interface InsightSelector {
  readonly insightType: InsightType;
  readonly eventCategories?: readonly InsightEventCategory[];
}

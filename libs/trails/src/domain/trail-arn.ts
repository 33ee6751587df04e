import { trailNameProblem, validateTrailName } from './trail-name';
import { InvalidTrailArnError, TrailArnInOtherRegionError } from './trail.errors';

/**
 * AWS Region names: `us-east-1`, `ap-southeast-5`, `us-gov-west-1`. The same shape the regions
 * lib accepts for a launched Region (its index pulls in persistence, so domain code cannot import it).
 */
export const REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

const TRAIL_RESOURCE_PREFIX = 'trail/';

/** A well-formed trail ARN, split into the parts a lookup needs. */
export interface TrailArn {
  readonly region: string;
  readonly accountId: string;
  readonly name: string;
  readonly arn: string;
}

/** A `Name`/`TrailName` request value: a bare name or a trail ARN (cloudtrail.md §3.1). */
export type TrailReference =
  { readonly kind: 'name'; readonly name: string } | ({ readonly kind: 'arn' } & TrailArn);

/** `arn:<partition>:cloudtrail:<homeRegion>:<ownerAccountId>:trail/<name>` (cloudtrail.md §3.1). */
export function formatTrailArn(partition: string, region: string, accountId: string, name: string): string {
  return `arn:${partition}:cloudtrail:${region}:${accountId}:${TRAIL_RESOURCE_PREFIX}${name}`;
}

/**
 * Parses a trail ARN of this deployment's partition, or throws `CloudTrailARNInvalidException`
 * naming the part that is wrong. A deployment serves exactly one partition, so an ARN of another
 * partition can never name one of its trails and is treated as malformed.
 */
export function parseTrailArn(value: string, partition: string): TrailArn {
  const invalid = (detail: string) => new InvalidTrailArnError(value, detail);
  const parts = value.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) {
    throw invalid(`A trail ARN has the form arn:${partition}:cloudtrail:<region>:<account-id>:trail/<name>.`);
  }
  const [, arnPartition, service, region, accountId] = parts;
  // A colon after the fifth one belongs to the resource, where the name check rejects it.
  const resource = parts.slice(5).join(':');
  if (arnPartition !== partition) throw invalid(`The partition must be ${partition}.`);
  if (service !== 'cloudtrail') throw invalid('The service must be cloudtrail.');
  if (region === '') throw invalid('The Region is missing.');
  if (!REGION_PATTERN.test(region)) throw invalid(`${region} is not a Region name.`);
  if (!ACCOUNT_ID_PATTERN.test(accountId)) throw invalid('The account ID must be 12 digits.');
  if (!resource.startsWith(TRAIL_RESOURCE_PREFIX)) throw invalid('The resource must be trail/<name>.');
  const name = resource.slice(TRAIL_RESOURCE_PREFIX.length);
  const nameProblem = trailNameProblem(name);
  if (nameProblem !== undefined) throw invalid(nameProblem);
  return { region, accountId, name, arn: value };
}

/**
 * Classifies a `Name`/`TrailName` value: one starting with `arn:` is an ARN (and must be a valid
 * one, `CloudTrailARNInvalidException`); anything else is a name (`InvalidTrailNameException`).
 */
export function parseTrailReference(value: string, partition: string): TrailReference {
  if (value.startsWith('arn:')) return { kind: 'arn', ...parseTrailArn(value, partition) };
  validateTrailName(value);
  return { kind: 'name', name: value };
}

/**
 * Tag operations address resources of the called Region only (decision 10); the message is the
 * live service's [OBS: aws/aws-sdk-java#1309].
 */
export function assertTrailArnInRegion(arn: TrailArn, region: string): void {
  if (arn.region !== region) {
    throw new TrailArnInOtherRegionError(region);
  }
}

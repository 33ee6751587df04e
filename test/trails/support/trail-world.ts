import { expect } from '@jest/globals';
import { type TrailPropagationStatus } from '@app/trails';
import { type TestCredentials } from '../../support/credentials';
import { uniqueName } from '../../support/given';
import { eventually, OPERATOR, type TestApp } from '../../support/test-app';
import { failureOf, trailPath, type TrailsApi } from './trails-api';

/** Helpers the trail suites share to build their worlds and read them back. */

export const BUCKET = 'audit-logs';

/** The opt-in Regions of the seeded catalogue (disabled until an account enables them). */
export const OPT_IN_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-south-2',
  'ap-southeast-3',
  'eu-south-1',
  'eu-central-2',
  'me-south-1',
  'me-central-1',
];

/** A fresh trail name (letters, digits and hyphens: valid). */
export function trailName(prefix = 't'): string {
  return uniqueName(prefix);
}

export function trailArn(accountId: string, region: string, name: string): string {
  return `arn:aws:cloudtrail:${region}:${accountId}:trail/${name}`;
}

/** Creates `count` single-Region trails in the API's Region; returns their names. */
export async function createTrails(api: TrailsApi, count: number, prefix = 't'): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = trailName(prefix);
    await api.createTrail({ name, s3BucketName: BUCKET });
    names.push(name);
  }
  return names;
}

/**
 * Everything a caller can read about its trails in the API's Region, to compare before and after a
 * refused request: DescribeTrails (settings, home, Has* flags), and for each trail homed here its
 * status, event selectors, Insights selectors (or the code saying there are none) and tags.
 */
export async function snapshot(api: TrailsApi): Promise<unknown> {
  const trails = await api.describeTrails();
  const own = trails.filter((t) => t.homeRegion === api.region).map((t) => t.trailArn);
  const [details, tags] = await Promise.all([
    Promise.all(
      own.map(async (arn) => ({
        arn,
        status: await api.getTrailStatus(arn),
        eventSelectors: await api.getEventSelectors(arn),
        insightSelectors: await api.getInsightSelectors(arn).catch((error: unknown) => failureOf(error).code),
      })),
    ),
    own.length > 0 ? api.listTags(own) : [],
  ]);
  return { trails, details, tags };
}

/** The account enables an opt-in Region (and, as AWS does, may then call it). */
export async function enableRegion(app: TestApp, account: TestCredentials, region: string): Promise<void> {
  const response = await app.rest(account).put(`/v1/account/regions/${region}`);
  expect(response.status).toBe(200);
}

export async function disableRegion(app: TestApp, account: TestCredentials, region: string): Promise<void> {
  const response = await app.rest(account).delete(`/v1/account/regions/${region}`);
  expect(response.status).toBe(200);
}

/** The operator launches a new Region with a fresh name (`xx-<letters>-1`). */
export async function launchRegion(app: TestApp, optIn: boolean): Promise<string> {
  const letters = uniqueName('r')
    .replace(/[^a-z]/g, '')
    .slice(-10);
  const name = `xx-${letters}${String.fromCharCode(97 + Math.floor(Math.random() * 26))}-1`;
  const response = await app.rest(OPERATOR).post('/v1/regions', { name, optIn });
  expect(response.status).toBe(201);
  return name;
}

/** Every Region the account has enabled (default Regions plus its opt-in ones). */
export async function enabledRegions(app: TestApp, account: TestCredentials): Promise<string[]> {
  const response = await app.rest(account).get('/v1/account/regions');
  expect(response.status).toBe(200);
  return (response.body.regions as Array<{ regionName: string; regionOptStatus: string }>)
    .filter((r) => r.regionOptStatus !== 'DISABLED')
    .map((r) => r.regionName)
    .sort();
}

/** `GET /v1/trails/{trail}/propagation`, asked in `region`. */
export async function propagation(
  app: TestApp,
  account: TestCredentials,
  region: string,
  nameOrArn: string,
): Promise<TrailPropagationStatus> {
  const response = await app.rest(account, region).get(`${trailPath(nameOrArn)}/propagation`);
  expect(response.status).toBe(200);
  return response.body as TrailPropagationStatus;
}

/** Waits until the trail's replicas match its latest generation everywhere. */
export async function converged(
  app: TestApp,
  account: TestCredentials,
  region: string,
  nameOrArn: string,
  timeoutMs?: number,
): Promise<TrailPropagationStatus> {
  return eventually(async () => {
    const status = await propagation(app, account, region, nameOrArn);
    return status.pending === 0 && status.observedGeneration === status.generation ? status : undefined;
  }, timeoutMs);
}

/** The ARNs the caller sees in `api`'s Region through DescribeTrails (shadows included). */
export async function visibleArns(api: TrailsApi): Promise<string[]> {
  return (await api.describeTrails()).map((t) => t.trailArn).sort();
}

import {
  CreateTrailCommand,
  DescribeTrailsCommand,
  StartLoggingCommand,
  StopLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import { expect } from '@jest/globals';
import { Client } from 'pg';
import { givenLogBucket } from '../../delivery/support/log-buckets';
import { type TestCredentials } from '../../support/credentials';
import { uniqueName } from '../../support/given';
import { eventually, type TestApp } from '../../support/test-app';
import { type CliRun, runAws } from '../../support/aws-cli';
import { type ReadDigest, TrailObjects } from './trail-objects';

/** A logging trail with log file validation, and the account whose digest chain a test follows. */
export interface ValidatedTrail {
  readonly name: string;
  readonly arn: string;
  readonly owner: TestCredentials;
  /** Whose events fill the chain followed: the owner, or an organization trail's member. */
  readonly actor: TestCredentials;
  /** Set for an organization trail: validate-logs then needs `--account-id` (the actor's). */
  readonly organizationId: string | null;
  readonly objects: TrailObjects;
  /** The followed chain's digest folder in the home Region us-east-1. */
  readonly folder: string;
  /** A whole second before StartLogging: the `--start-time` of every validation. */
  readonly startedAt: Date;
}

export const wholeSecond = (date: Date): Date => new Date(Math.floor(date.getTime() / 1000) * 1000);
export const cliTime = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;

/** Creates `owner`'s bucket and trail (an organization trail with `organizationId`) and starts logging. */
export async function startValidatedTrail(
  app: TestApp,
  owner: TestCredentials,
  options: { actor?: TestCredentials; organizationId?: string } = {},
): Promise<ValidatedTrail> {
  const name = uniqueName('validated');
  const bucket = uniqueName('validated-logs').toLowerCase();
  const arn = `arn:aws:cloudtrail:us-east-1:${owner.accountId}:trail/${name}`;
  await givenLogBucket(app, owner, bucket, [arn]);
  const cloudtrail = app.cloudtrail(owner);
  const organizationId = options.organizationId ?? null;
  await cloudtrail.send(
    new CreateTrailCommand({
      Name: name,
      S3BucketName: bucket,
      EnableLogFileValidation: true,
      IsOrganizationTrail: organizationId !== null,
    }),
  );
  const startedAt = new Date(wholeSecond(new Date()).getTime() - 1000);
  await cloudtrail.send(new StartLoggingCommand({ Name: name }));
  const actor = options.actor ?? owner;
  const organization = organizationId ? `${organizationId}/` : '';
  return {
    name,
    arn,
    owner,
    actor,
    organizationId,
    objects: new TrailObjects(app.url, owner, bucket),
    folder: `AWSLogs/${organization}${actor.accountId}/CloudTrail-Digest/us-east-1/`,
    startedAt,
  };
}

/** The actor calls the API until a digest starting at or after `after` lists log files. */
export function digestWithLogFiles(
  app: TestApp,
  trail: ValidatedTrail,
  after: string,
): Promise<ReadDigest[]> {
  return eventually(
    async () => {
      await app.cloudtrail(trail.actor).send(new DescribeTrailsCommand({}));
      const digests = await trail.objects.digestsUnder(trail.folder);
      const found = digests.some((d) => d.json.digestStartTime >= after && d.json.logFiles.length > 0);
      return found ? digests : undefined;
    },
    60_000,
    500,
  );
}

/** Nobody calls the API until a digest starting at or after `after` lists no log file. */
export function emptyDigest(trail: ValidatedTrail, after: string): Promise<ReadDigest[]> {
  return eventually(
    async () => {
      const digests = await trail.objects.digestsUnder(trail.folder);
      const found = digests.some((d) => d.json.digestStartTime >= after && d.json.logFiles.length === 0);
      return found ? digests : undefined;
    },
    60_000,
    500,
  );
}

/** Stops logging and waits until every chain of the trail delivered its final digest. */
export async function stopAndSettle(app: TestApp, trail: ValidatedTrail): Promise<ReadDigest[]> {
  await app.cloudtrail(trail.owner).send(new StopLoggingCommand({ Name: trail.name }));
  const db = new Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    await eventually(
      async () => {
        const { rows } = await db.query<{ open: number }>(
          `SELECT count(*)::int AS open FROM digest_chains c JOIN trails t ON t.id = c.trail_id
            WHERE t.arn = $1 AND NOT c.finished`,
          [trail.arn],
        );
        return rows[0].open === 0 ? true : undefined;
      },
      60_000,
      250,
    );
  } finally {
    await db.end();
  }
  return trail.objects.digestsUnder(trail.folder);
}

/**
 * Runs the real `aws cloudtrail validate-logs --verbose` as the trail's owner, with AWS_ENDPOINT_URL
 * sending CloudTrail, Organizations and S3 to Trailplane, and checks that the integrity route
 * prints exactly what the CLI printed, with the same exit code.
 */
export async function validateLogs(
  app: TestApp,
  trail: ValidatedTrail,
  window: { readonly start: Date; readonly end: Date },
): Promise<CliRun> {
  const member = trail.organizationId ? trail.actor.accountId : undefined;
  const run = await runAws(
    [
      'cloudtrail',
      'validate-logs',
      '--trail-arn',
      trail.arn,
      '--start-time',
      cliTime(window.start),
      '--end-time',
      cliTime(window.end),
      '--verbose',
      ...(member ? ['--account-id', member] : []),
    ],
    { endpointUrl: app.url, credentials: trail.owner },
  );
  const query = new URLSearchParams({
    startTime: cliTime(window.start),
    endTime: cliTime(window.end),
    ...(member ? { accountId: member } : {}),
  });
  const checked = await app.rest(trail.owner).get(`/v1/trails/${trail.name}/integrity?${query.toString()}`);
  expect(checked.status).toBe(200);
  const body = checked.body as { valid: boolean; validateLogsOutput: unknown };
  expect(body.validateLogsOutput).toEqual({ exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr });
  expect(body.valid).toBe(run.exitCode === 0);
  return run;
}

/** The summary lines validate-logs prints for these counts. */
export function summaryOf(digests: [number, number], logs: [number, number]): string {
  const ratio = ([valid, invalid]: [number, number], name: string): string =>
    `${valid}/${valid + invalid} ${name} files valid` +
    (invalid > 0 ? `, ${invalid}/${valid + invalid} ${name} files INVALID` : '');
  return `\n${ratio(digests, 'digest')}\n${ratio(logs, 'log')}\n`;
}

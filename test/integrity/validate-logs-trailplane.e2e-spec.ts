import { gunzipSync, gzipSync } from 'node:zlib';
import { ListPublicKeysCommand } from '@aws-sdk/client-cloudtrail';
import { EnableAWSServiceAccessCommand } from '@aws-sdk/client-organizations';
import { given } from '../support/given';
import { eventually, TestApp } from '../support/test-app';
import { assertAwsCliSupportsEndpointUrl, type CliRun } from '../support/aws-cli';
import { type ReadDigest } from './support/trail-objects';
import {
  cliTime,
  digestWithLogFiles,
  emptyDigest,
  startValidatedTrail,
  stopAndSettle,
  summaryOf,
  type ValidatedTrail,
  validateLogs,
  wholeSecond,
} from './support/validated-trails';

/**
 * Issue 13's proof on Trailplane itself: the digests it delivers, read through its S3 API by the
 * real, unmodified `aws cloudtrail validate-logs` (AWS_ENDPOINT_URL), are valid across empty
 * intervals and a signing key rotation, for an account trail and for an organization trail's
 * member; each tampering is reported with the CLI's own verdict; and the integrity route prints,
 * every time, exactly what the CLI printed. Log files every second, digests every 5 s, a new
 * signing key every minute.
 */
/** Each CLI run takes a few seconds; on a loaded 2-core machine, many more. */
const CLI_TEST_MS = 120_000;

describe('aws cloudtrail validate-logs against Trailplane', () => {
  let app: TestApp;
  let accountTrail: ValidatedTrail;
  let organizationTrail: ValidatedTrail;
  /** The account trail's settled chain, oldest first, and the range every run validates. */
  let chain: ReadDigest[];
  let window: { start: Date; end: Date };

  beforeAll(async () => {
    await assertAwsCliSupportsEndpointUrl();
    app = await TestApp.start({
      env: {
        TRAILPLANE_DELIVERY_INTERVAL_SECONDS: '1',
        TRAILPLANE_DIGEST_INTERVAL_SECONDS: '5',
        TRAILPLANE_DIGEST_KEY_ROTATION_DAYS: String(1 / 1440),
      },
    });
    // Both trails log from the start, so the account trail's chain spans the first key rotation.
    accountTrail = await startValidatedTrail(app, await given.account(app));
    const org = await given.organization(app);
    await app
      .organizations(org.management)
      .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'cloudtrail.amazonaws.com' }));
    const member = await given.member(app, org);
    organizationTrail = await startValidatedTrail(app, org.management, {
      actor: member,
      organizationId: org.id,
    });
  }, CLI_TEST_MS);

  afterAll(async () => {
    accountTrail?.objects.close();
    organizationTrail?.objects.close();
    await app?.close();
  });

  /** Log files, an empty interval, log files again; then `more` until it holds; then the settled chain. */
  async function recordChain(
    trail: ValidatedTrail,
    more: (digests: ReadDigest[]) => boolean = () => true,
  ): Promise<ReadDigest[]> {
    const since = (digests: ReadDigest[]): string => digests[digests.length - 1].json.digestEndTime;
    let digests = await digestWithLogFiles(app, trail, cliTime(trail.startedAt));
    digests = await emptyDigest(trail, since(digests));
    digests = await digestWithLogFiles(app, trail, since(digests));
    if (!more(digests)) {
      await eventually(
        async () => (more(await trail.objects.digestsUnder(trail.folder)) ? true : undefined),
        90_000,
        1000,
      );
      await digestWithLogFiles(app, trail, since(await trail.objects.digestsUnder(trail.folder)));
    }
    return stopAndSettle(app, trail);
  }

  function expectAllValid(run: CliRun, digests: readonly ReadDigest[]): void {
    expect({ exitCode: run.exitCode, stderr: run.stderr }).toEqual({ exitCode: 0, stderr: '' });
    const logFiles = digests.flatMap((digest) => digest.json.logFiles);
    for (const digest of digests)
      expect(run.stdout).toContain(`Digest file\ts3://${digest.bucket}/${digest.key}\tvalid\n`);
    for (const log of logFiles)
      expect(run.stdout).toContain(`Log file\ts3://${log.s3Bucket}/${log.s3Object}\tvalid\n`);
    expect(run.stdout).toContain(summaryOf([digests.length, 0], [logFiles.length, 0]));
    expect(digests.filter((digest) => digest.json.logFiles.length > 0).length).toBeGreaterThanOrEqual(2);
    expect(digests.some((digest) => digest.json.logFiles.length === 0)).toBe(true);
  }

  const fingerprints = (digests: readonly ReadDigest[]): Set<string> =>
    new Set(digests.map((digest) => digest.json.digestPublicKeyFingerprint));

  it("validates an organization trail's member account chain (--account-id)", async () => {
    const digests = await recordChain(organizationTrail);
    const run = await validateLogs(app, organizationTrail, {
      start: organizationTrail.startedAt,
      end: new Date(wholeSecond(new Date()).getTime() + 1000),
    });
    expectAllValid(run, digests);
    expect(digests[0].key).toContain(`/${organizationTrail.actor.accountId}_CloudTrail-Digest_us-east-1_`);
  }, 180_000);

  it('validates an account trail across empty intervals and a signing key rotation', async () => {
    chain = await recordChain(accountTrail, (digests) => fingerprints(digests).size >= 2);
    window = { start: accountTrail.startedAt, end: new Date(wholeSecond(new Date()).getTime() + 1000) };
    const run = await validateLogs(app, accountTrail, window);
    expectAllValid(run, chain);
    // Digests signed by the old and by the new key, both valid, both keys listed for the range.
    const used = fingerprints(chain);
    expect(used.size).toBeGreaterThanOrEqual(2);
    const keys = await app
      .cloudtrail(accountTrail.owner)
      .send(new ListPublicKeysCommand({ StartTime: window.start, EndTime: window.end }));
    const listed = new Set((keys.PublicKeyList ?? []).map((key) => key.Fingerprint));
    for (const fingerprint of used) expect(listed).toContain(fingerprint);
    const foundStart = Math.max(Date.parse(chain[0].json.digestStartTime), window.start.getTime());
    const foundEnd = Math.min(Date.parse(chain[chain.length - 1].json.digestEndTime), window.end.getTime());
    expect(run.stdout).toContain(
      `Results found for ${cliTime(new Date(foundStart))} to ${cliTime(new Date(foundEnd))}:\n`,
    );
  }, 240_000);

  describe('tampering, each reported as the CLI reports it (and put back afterwards)', () => {
    const withLogFiles = (): ReadDigest[] => chain.filter((digest) => digest.json.logFiles.length > 0);
    const logCount = (): number => chain.reduce((n, digest) => n + digest.json.logFiles.length, 0);
    const validate = (): Promise<CliRun> => validateLogs(app, accountTrail, window);

    it(
      'a log file rewritten through the S3 API: hash value does not match',
      async () => {
        const log = withLogFiles()[1].json.logFiles[0];
        const run = await accountTrail.objects.tampered([log.s3Object], async () => {
          await accountTrail.objects.write(log.s3Object, { body: gzipSync('{"Records":[]}'), metadata: {} });
          return validate();
        });
        expect(run.exitCode).toBe(1);
        expect(run.stderr).toContain(
          `Log file\ts3://${log.s3Bucket}/${log.s3Object}\tINVALID: hash value doesn't match\n`,
        );
        expect(run.stdout).toContain(summaryOf([chain.length, 0], [logCount() - 1, 1]));
      },
      CLI_TEST_MS,
    );

    it(
      'a log file deleted: not found',
      async () => {
        const log = withLogFiles()[0].json.logFiles[0];
        const run = await accountTrail.objects.tampered([log.s3Object], async () => {
          await accountTrail.objects.delete(log.s3Object);
          return validate();
        });
        expect(run.exitCode).toBe(1);
        expect(run.stderr).toContain(`Log file\ts3://${log.s3Bucket}/${log.s3Object}\tINVALID: not found\n`);
        expect(run.stdout).toContain(summaryOf([chain.length, 0], [logCount() - 1, 1]));
      },
      CLI_TEST_MS,
    );

    it(
      'a digest changed (its signature kept): signature verification failed',
      async () => {
        const digest = withLogFiles()[0];
        const run = await accountTrail.objects.tampered([digest.key], async () => {
          const forged = { ...JSON.parse(gunzipSync(digest.body).toString('utf8')), logFiles: [] };
          await accountTrail.objects.write(digest.key, {
            body: gzipSync(JSON.stringify(forged)),
            metadata: digest.metadata,
          });
          return validate();
        });
        expect(run.exitCode).toBe(1);
        expect(run.stderr).toContain(
          `Digest file\ts3://${digest.bucket}/${digest.key}\tINVALID: signature verification failed\n`,
        );
        const unchecked = digest.json.logFiles.length;
        expect(run.stdout).toContain(summaryOf([chain.length - 1, 1], [logCount() - unchecked, 0]));
      },
      CLI_TEST_MS,
    );

    it(
      'a digest deleted: not found',
      async () => {
        const digest = chain[2];
        const run = await accountTrail.objects.tampered([digest.key], async () => {
          await accountTrail.objects.delete(digest.key);
          return validate();
        });
        expect(run.exitCode).toBe(1);
        expect(run.stderr).toContain(
          `Digest file\ts3://${digest.bucket}/${digest.key}\tINVALID: not found\n`,
        );
        expect(run.stdout).toContain(
          `\n${chain.length - 1}/${chain.length} digest files valid, 1/${chain.length} digest files INVALID\n`,
        );
      },
      CLI_TEST_MS,
    );

    it(
      'a digest copied over another: moved from its original location',
      async () => {
        const [older, newer] = [chain[1], chain[2]];
        const run = await accountTrail.objects.tampered([older.key], async () => {
          await accountTrail.objects.write(older.key, { body: newer.body, metadata: newer.metadata });
          return validate();
        });
        expect(run.exitCode).toBe(1);
        expect(run.stderr).toContain(
          `Digest file\ts3://${older.bucket}/${older.key}\tINVALID: has been moved from its original location\n`,
        );
        expect(run.stdout).toContain(
          `\n${chain.length - 1}/${chain.length} digest files valid, 1/${chain.length} digest files INVALID\n`,
        );
      },
      CLI_TEST_MS,
    );

    it(
      'a digest copied to another key: moved from its original location',
      async () => {
        const newest = chain[chain.length - 1];
        const later = new Date(Date.parse(newest.json.digestEndTime) + 60_000);
        const copyKey = newest.key.replace(
          /\d{8}T\d{6}Z\.json\.gz$/,
          `${cliTime(later).replace(/[-:]/g, '')}.json.gz`,
        );
        const run = await accountTrail.objects.tampered([copyKey], async () => {
          await accountTrail.objects.write(copyKey, { body: newest.body, metadata: newest.metadata });
          return validate();
        });
        expect(run.exitCode).toBe(1);
        expect(run.stderr).toBe(
          `Digest file\ts3://${newest.bucket}/${copyKey}\tINVALID: has been moved from its original location\n\n`,
        );
        expect(run.stdout).toContain(summaryOf([chain.length, 1], [logCount(), 0]));
      },
      CLI_TEST_MS,
    );
  });
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestCredentials } from '../support/credentials';
import { given, uniqueName } from '../support/given';
import { TestApp } from '../support/test-app';
import { runAws } from '../support/aws-cli';

/** The real AWS CLI (v1 ≥ 1.29 honours AWS_ENDPOINT_URL for S3) against the object store. */
describe('S3 protocol: the AWS CLI', () => {
  let app: TestApp;
  let owner: TestCredentials;
  let reader: TestCredentials;
  let dir: string;
  const bucket = uniqueName('cli').toLowerCase();
  const run = (args: string[], as: TestCredentials = owner) =>
    runAws(args, { endpointUrl: app.url, credentials: as });
  // Each CLI run starts Python (seconds on a loaded machine).
  const CLI_TIMEOUT_MS = 240_000;

  beforeAll(async () => {
    app = await TestApp.start({ jobs: 'inline' });
    owner = await given.account(app);
    reader = await given.account(app);
    dir = mkdtempSync(join(tmpdir(), 's3-cli-'));
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await app.close();
  });

  it(
    'mb, cp up and down, ls --recursive, rm',
    async () => {
      expect(await run(['s3', 'mb', `s3://${bucket}`])).toMatchObject({ exitCode: 0 });
      const file = join(dir, 'log.json');
      writeFileSync(file, '{"Records":[]}');
      for (const key of ['AWSLogs/1/a.json', 'AWSLogs/2/b.json'])
        expect(await run(['s3', 'cp', file, `s3://${bucket}/${key}`])).toMatchObject({ exitCode: 0 });
      const listed = await run(['s3', 'ls', `s3://${bucket}`, '--recursive']);
      expect(listed.exitCode).toBe(0);
      expect(listed.stdout).toMatch(/AWSLogs\/1\/a\.json\n.*AWSLogs\/2\/b\.json/);
      const copy = join(dir, 'copy.json');
      expect(await run(['s3', 'cp', `s3://${bucket}/AWSLogs/1/a.json`, copy])).toMatchObject({ exitCode: 0 });
      expect(readFileSync(copy, 'utf8')).toBe('{"Records":[]}');
      expect(await run(['s3', 'rm', `s3://${bucket}/AWSLogs/2/b.json`])).toMatchObject({ exitCode: 0 });
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'cp of a 20 MB file goes up in parts (multipart upload) and comes back identical',
    async () => {
      const file = join(dir, 'big.bin');
      const content = randomBytes(20 * 1024 * 1024 + 123);
      writeFileSync(file, content);
      expect(await run(['s3', 'cp', file, `s3://${bucket}/big/file.bin`])).toMatchObject({ exitCode: 0 });
      const head = await run(['s3api', 'head-object', '--bucket', bucket, '--key', 'big/file.bin']);
      expect(head.exitCode).toBe(0);
      // The CLI's 8 MB parts: 8 + 8 + 4 MB, so the multipart ETag counts three parts.
      expect(JSON.parse(head.stdout)).toMatchObject({
        ContentLength: content.length,
        ETag: expect.stringMatching(/-3"$/),
      });
      const copy = join(dir, 'big.copy');
      expect(await run(['s3', 'cp', `s3://${bucket}/big/file.bin`, copy])).toMatchObject({ exitCode: 0 });
      expect(readFileSync(copy).equals(content)).toBe(true);
      const uploads = await run(['s3api', 'list-multipart-uploads', '--bucket', bucket]);
      expect(uploads.exitCode).toBe(0);
      expect(uploads.stdout.includes('"Uploads"')).toBe(false);
      expect(await run(['s3', 'rm', `s3://${bucket}/big/file.bin`])).toMatchObject({ exitCode: 0 });
    },
    CLI_TIMEOUT_MS,
  );

  it(
    's3api put-bucket-policy lets another account list-objects and get-object',
    async () => {
      const denied = await run(['s3api', 'list-objects', '--bucket', bucket], reader);
      expect(denied.exitCode).not.toBe(0);
      expect(denied.stderr).toContain('AccessDenied');
      const policy = {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: reader.accountId },
            Action: ['s3:ListBucket', 's3:GetObject'],
            Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
          },
        ],
      };
      const put = await run([
        's3api',
        'put-bucket-policy',
        '--bucket',
        bucket,
        '--policy',
        JSON.stringify(policy),
      ]);
      expect(put).toMatchObject({ exitCode: 0 });
      const listed = await run(['s3api', 'list-objects', '--bucket', bucket, '--prefix', 'AWSLogs/'], reader);
      expect(listed.exitCode).toBe(0);
      expect(
        (JSON.parse(listed.stdout) as { Contents: { Key: string }[] }).Contents.map((o) => o.Key),
      ).toEqual(['AWSLogs/1/a.json']);
      const out = join(dir, 'got.json');
      const got = await run(
        ['s3api', 'get-object', '--bucket', bucket, '--key', 'AWSLogs/1/a.json', out],
        reader,
      );
      expect(got.exitCode).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe('{"Records":[]}');
    },
    CLI_TIMEOUT_MS,
  );
});

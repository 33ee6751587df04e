import { createHash } from 'node:crypto';
import {
  AttachPolicyCommand,
  CreatePolicyCommand,
  EnablePolicyTypeCommand,
} from '@aws-sdk/client-organizations';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketPolicyCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { type TestCredentials } from '../support/credentials';
import { given, givenIam, uniqueName } from '../support/given';
import { TestApp } from '../support/test-app';
import request from 'supertest';
import { signHeaders } from '../support/signed-request';
import { s3Client, s3Failure } from './support/s3-clients';
import { signedChunkedPut } from './support/signed-upload';

/** The write side of the S3 protocol, its payload forms, its refusals, and bucket policies. */
describe('S3 protocol: writing, refusals and bucket policies', () => {
  let app: TestApp;
  let owner: TestCredentials;
  let stranger: TestCredentials;
  let s3: S3Client;
  let theirs: S3Client;
  const bucket = uniqueName('store').toLowerCase();

  beforeAll(async () => {
    app = await TestApp.start({ jobs: 'inline' });
    owner = await given.account(app);
    stranger = await given.account(app);
    s3 = s3Client(app, owner);
    theirs = s3Client(app, stranger);
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });

  afterAll(async () => {
    s3.destroy();
    theirs.destroy();
    await app.close();
  });

  const read = async (key: string) =>
    (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();

  it('CreateBucket refuses taken and invalid names with S3 codes', async () => {
    expect(await s3Failure(s3.send(new CreateBucketCommand({ Bucket: bucket })))).toEqual({
      code: 'BucketAlreadyOwnedByYou',
      status: 409,
    });
    expect(await s3Failure(theirs.send(new CreateBucketCommand({ Bucket: bucket })))).toEqual({
      code: 'BucketAlreadyExists',
      status: 409,
    });
    for (const name of ['ab', 'Upper-Case', 'bad..dots', '192.168.1.1']) {
      expect(await s3Failure(s3.send(new CreateBucketCommand({ Bucket: name })))).toEqual({
        code: 'InvalidBucketName',
        status: 400,
      });
    }
  });

  it('PutObject stores user metadata and headers, whatever the payload form', async () => {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'signed/a b+c.txt',
        Body: 'signed payload',
        ContentType: 'text/plain',
        Metadata: { origin: 'sdk' },
      }),
    );
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'signed/a b+c.txt' }));
    expect(head.Metadata).toEqual({ origin: 'sdk' });
    expect(head.ContentType).toBe('text/plain');
    expect(head.ETag).toBe(`"${createHash('md5').update('signed payload').digest('hex')}"`);

    const unsigned = s3Client(app, owner);
    unsigned.middlewareStack.add(
      (next) => (args) => {
        (args.request as { headers: Record<string, string> }).headers['x-amz-content-sha256'] =
          'UNSIGNED-PAYLOAD';
        return next(args);
      },
      { step: 'build', name: 'unsignedPayload' },
    );
    await unsigned.send(new PutObjectCommand({ Bucket: bucket, Key: 'unsigned', Body: 'unsigned payload' }));
    unsigned.destroy();
    expect(await read('unsigned')).toBe('unsigned payload');

    // A stream with a checksum: aws-chunked with the checksum as a trailer.
    const content = Buffer.alloc(200_000, 'x');
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'chunked',
        Body: Readable.from([content]),
        ContentLength: content.length,
        ChecksumAlgorithm: 'CRC32',
      }),
    );
    const got = await s3.send(
      new GetObjectCommand({ Bucket: bucket, Key: 'chunked', ChecksumMode: 'ENABLED' }),
    );
    expect((await got.Body!.transformToByteArray()).length).toBe(content.length);
    expect(got.ChecksumCRC32).toBeDefined();

    const chunks = [Buffer.alloc(70_000, 'a'), Buffer.from('tail')];
    const signed = await signedChunkedPut(app.url, owner, `/${bucket}/signed-chunks`, chunks);
    expect(signed.status).toBe(200);
    expect(await read('signed-chunks')).toBe(Buffer.concat(chunks).toString());
  });

  it('refuses bodies that do not match what was signed or claimed, and stores nothing', async () => {
    const flipped = await signedChunkedPut(
      app.url,
      owner,
      `/${bucket}/tampered`,
      [Buffer.from('data')],
      (b) => Buffer.from(b.toString().replace('data', 'dama')),
    );
    expect([flipped.status, /<Code>(\w+)<\/Code>/.exec(flipped.text)?.[1]]).toEqual([
      403,
      'SignatureDoesNotMatch',
    ]);
    const cut = await signedChunkedPut(app.url, owner, `/${bucket}/tampered`, [Buffer.from('data')], (b) =>
      b.subarray(0, b.length - 90),
    );
    expect(cut.status).toBe(400);
    expect(
      await s3Failure(
        s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: 'tampered',
            Body: 'x',
            ContentMD5: 'AAAAAAAAAAAAAAAAAAAAAA==',
          }),
        ),
      ),
    ).toEqual({ code: 'BadDigest', status: 400 });
    expect(
      await s3Failure(
        s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'tampered', Body: 'x', ContentMD5: 'no' })),
      ),
    ).toEqual({ code: 'InvalidDigest', status: 400 });
    expect(
      await s3Failure(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k'.repeat(1025), Body: 'x' }))),
    ).toEqual({ code: 'KeyTooLongError', status: 400 });
    expect(
      await s3Failure(s3.send(new PutObjectCommand({ Bucket: 'no-such-bucket-here', Key: 'k', Body: 'x' }))),
    ).toEqual({ code: 'NoSuchBucket', status: 404 });
    expect(await s3Failure(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'tampered' })))).toMatchObject(
      {
        code: 'NoSuchKey',
      },
    );
  });

  it('a bucket policy lets another account in; without it, AccessDenied', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'shared/report', Body: 'shared' }));
    const denied = { code: 'AccessDenied', status: 403 };
    expect(
      await s3Failure(theirs.send(new GetObjectCommand({ Bucket: bucket, Key: 'shared/report' }))),
    ).toEqual(denied);
    expect(await s3Failure(s3.send(new GetBucketPolicyCommand({ Bucket: bucket })))).toEqual({
      code: 'NoSuchBucketPolicy',
      status: 404,
    });
    expect(
      await s3Failure(s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: '{"nope"' }))),
    ).toEqual({
      code: 'MalformedPolicy',
      status: 400,
    });
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${stranger.accountId}:root` },
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${bucket}/shared/*`,
        },
      ],
    });
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));
    expect(JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy!)).toEqual(
      JSON.parse(policy),
    );
    const got = await theirs.send(new GetObjectCommand({ Bucket: bucket, Key: 'shared/report' }));
    expect(await got.Body!.transformToString()).toBe('shared');
    expect(await s3Failure(theirs.send(new GetObjectCommand({ Bucket: bucket, Key: 'unsigned' })))).toEqual(
      denied,
    );
    expect(
      await s3Failure(theirs.send(new PutObjectCommand({ Bucket: bucket, Key: 'shared/x', Body: 'x' }))),
    ).toEqual(denied);
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
    expect(
      await s3Failure(theirs.send(new GetObjectCommand({ Bucket: bucket, Key: 'shared/report' }))),
    ).toEqual(denied);
  });

  it('within the account, identity policies grant, and the bucket policy grants or denies too', async () => {
    const user = await givenIam.user(app, owner, {
      inlinePolicies: {
        read: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
        },
      },
    });
    const theUser = s3Client(app, user);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'secret/plan', Body: 'plan' }));
    expect(
      await (
        await theUser.send(new GetObjectCommand({ Bucket: bucket, Key: 'unsigned' }))
      ).Body!.transformToString(),
    ).toBe('unsigned payload');
    const denied = { code: 'AccessDenied', status: 403 };
    expect(
      await s3Failure(theUser.send(new PutObjectCommand({ Bucket: bucket, Key: 'drop/x', Body: 'x' }))),
    ).toEqual(denied);
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Principal: { AWS: user.arn },
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${bucket}/secret/*`,
        },
        {
          Effect: 'Allow',
          Principal: { AWS: user.arn },
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::${bucket}/drop/*`,
        },
      ],
    };
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
    expect(
      await s3Failure(theUser.send(new GetObjectCommand({ Bucket: bucket, Key: 'secret/plan' }))),
    ).toEqual(denied);
    await theUser.send(new PutObjectCommand({ Bucket: bucket, Key: 'drop/x', Body: 'x' }));
    expect(await read('secret/plan')).toBe('plan');
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
    theUser.destroy();
  });

  it("an organization's SCPs bound its members' S3 calls", async () => {
    const org = await given.organization(app);
    const member = await given.member(app, org);
    const organizations = app.organizations(org.management);
    await organizations.send(
      new EnablePolicyTypeCommand({ RootId: org.rootId, PolicyType: 'SERVICE_CONTROL_POLICY' }),
    );
    const { Policy } = await organizations.send(
      new CreatePolicyCommand({
        Content: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', Action: 's3:PutObject', Resource: 'arn:aws:s3:::*/locked/*' }],
        }),
        Description: '',
        Name: uniqueName('scp'),
        Type: 'SERVICE_CONTROL_POLICY',
      }),
    );
    await organizations.send(
      new AttachPolicyCommand({ PolicyId: Policy!.PolicySummary!.Id!, TargetId: member.accountId }),
    );
    const theirS3 = s3Client(app, member);
    const own = uniqueName('member').toLowerCase();
    await theirS3.send(new CreateBucketCommand({ Bucket: own }));
    await theirS3.send(new PutObjectCommand({ Bucket: own, Key: 'open/x', Body: 'x' }));
    expect(
      await s3Failure(theirS3.send(new PutObjectCommand({ Bucket: own, Key: 'locked/x', Body: 'x' }))),
    ).toEqual({
      code: 'AccessDenied',
      status: 403,
    });
    theirS3.destroy();
  });

  it('DeleteObject, DeleteObjects, then DeleteBucket once empty', async () => {
    const scratch = uniqueName('scratch').toLowerCase();
    await s3.send(new CreateBucketCommand({ Bucket: scratch }));
    for (const key of ['a', 'b', 'c'])
      await s3.send(new PutObjectCommand({ Bucket: scratch, Key: key, Body: key }));
    expect(await s3Failure(s3.send(new DeleteBucketCommand({ Bucket: scratch })))).toEqual({
      code: 'BucketNotEmpty',
      status: 409,
    });
    await s3.send(new DeleteObjectCommand({ Bucket: scratch, Key: 'a' }));
    const deleted = await s3.send(
      new DeleteObjectsCommand({ Bucket: scratch, Delete: { Objects: [{ Key: 'b' }, { Key: 'c' }] } }),
    );
    expect(deleted.Deleted?.map((d) => d.Key).sort()).toEqual(['b', 'c']);
    expect((await s3.send(new ListObjectsV2Command({ Bucket: scratch }))).KeyCount).toBe(0);
    await s3.send(new DeleteBucketCommand({ Bucket: scratch }));
    expect(await s3Failure(s3.send(new ListObjectsV2Command({ Bucket: scratch })))).toEqual({
      code: 'NoSuchBucket',
      status: 404,
    });
  });

  it('refuses objects over 64 MiB and documents over 2 MiB before reading them', async () => {
    const sent = async (
      method: 'PUT' | 'POST',
      path: string,
      headers: Record<string, string>,
      body: Buffer,
    ) => {
      const signed = await signHeaders(app.url, owner, method, path, undefined, { service: 's3', headers });
      const response = await request(app.url)[method === 'PUT' ? 'put' : 'post'](path).set(signed).send(body);
      return [response.status, /<Code>(\w+)<\/Code>/.exec(response.text)?.[1]];
    };
    const streaming = {
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      'x-amz-decoded-content-length': String(64 * 1024 * 1024 + 1),
      'x-amz-trailer': 'x-amz-checksum-crc32',
    };
    expect(await sent('PUT', `/${bucket}/huge`, streaming, Buffer.from('0\r\n\r\n'))).toEqual([
      400,
      'EntityTooLarge',
    ]);
    const document = Buffer.alloc(2 * 1024 * 1024 + 1, ' ');
    const unsigned = { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
    expect(await sent('POST', `/${bucket}?delete=`, unsigned, document)).toEqual([
      400,
      'MaxMessageLengthExceeded',
    ]);
  });
});

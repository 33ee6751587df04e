import { CreateTrailCommand } from '@aws-sdk/client-cloudtrail';
import { type Response } from 'supertest';
import { type TestCredentials } from '../support/credentials';
import { given } from '../support/given';
import { signedRequest } from '../support/signed-request';
import { TestApp } from '../support/test-app';
import { BUCKET, snapshot, trailArn, trailName } from './support/trail-world';
import { trailPath, trailsApi, type TrailsApi } from './support/trails-api';

/**
 * Bad input at the edge: bodies over 256 KB, unknown fields (refused on REST, ignored on the AWS
 * protocol as SDKs may send newer members), wrong JSON types and malformed JSON — each with its
 * code, and nothing written.
 */
let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.close());

const OVERSIZED = 'p'.repeat(300 * 1024);

/** A raw AWS JSON 1.1 call, signed like an SDK's, with any body at all. */
function awsJson(
  credentials: TestCredentials,
  operation: string,
  body: string | object,
  region = 'eu-west-1',
): Promise<Response> {
  return signedRequest(app.url, credentials, 'POST', '/', body, {
    region,
    service: 'cloudtrail',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `CloudTrail_20131101.${operation}`,
    },
  });
}

async function world(): Promise<{ account: TestCredentials; api: TrailsApi; name: string }> {
  const account = await given.account(app);
  const api = trailsApi(app, 'rest', account, 'eu-west-1');
  const name = trailName();
  await api.createTrail({ name, s3BucketName: BUCKET, tagsList: [{ key: 'k', value: 'v' }] });
  return { account, api, name };
}

describe('requests over 256 KB', () => {
  it('are refused with 413 RequestEntityTooLargeException on REST, before anything is parsed', async () => {
    const { account, api, name } = await world();
    const before = await snapshot(api);
    const created = await app.rest(account, 'eu-west-1').post('/v1/trails', {
      name: trailName(),
      s3BucketName: BUCKET,
      s3KeyPrefix: OVERSIZED,
    });
    expect(created.status).toBe(413);
    expect(created.body.error.code).toBe('RequestEntityTooLargeException');
    const updated = await app.rest(account, 'eu-west-1').patch(trailPath(name), { s3KeyPrefix: OVERSIZED });
    expect(updated.status).toBe(413);
    expect(updated.body.error.code).toBe('RequestEntityTooLargeException');
    expect(await snapshot(api)).toEqual(before);
  });

  it('are refused with 413 on the AWS protocol, answered in its shape, also to the AWS SDK', async () => {
    const { account, api } = await world();
    const before = await snapshot(api);
    const raw = await awsJson(account, 'CreateTrail', {
      Name: trailName(),
      S3BucketName: BUCKET,
      S3KeyPrefix: OVERSIZED,
    });
    expect(raw.status).toBe(413);
    expect(JSON.parse(raw.text)).toMatchObject({ __type: 'RequestEntityTooLargeException' });

    const sdk = app.cloudtrail(account, 'eu-west-1');
    await expect(
      sdk.send(new CreateTrailCommand({ Name: trailName(), S3BucketName: BUCKET, S3KeyPrefix: OVERSIZED })),
    ).rejects.toMatchObject({ name: 'RequestEntityTooLargeException', $metadata: { httpStatusCode: 413 } });
    expect(await snapshot(api)).toEqual(before);
  });

  it('a body just under the limit is read and judged on its content', async () => {
    const { account, api } = await world();
    const before = await snapshot(api);
    const response = await app.rest(account, 'eu-west-1').post('/v1/trails', {
      name: trailName(),
      s3BucketName: BUCKET,
      s3KeyPrefix: 'p'.repeat(250 * 1024),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('ValidationException');
    expect(await snapshot(api)).toEqual(before);
  });
});

describe('unknown fields', () => {
  type Route = (name: string, arn: string) => string;
  const refusals: Array<[string, 'post' | 'patch' | 'put', Route, object, string]> = [
    [
      'POST /v1/trails',
      'post',
      () => '/v1/trails',
      { name: 'x-trail', s3BucketName: BUCKET, isMultiRegion: true },
      'isMultiRegion',
    ],
    [
      'POST /v1/trails (a member of a tag)',
      'post',
      () => '/v1/trails',
      { name: 'x-trail', s3BucketName: BUCKET, tagsList: [{ key: 'a', value: 'b', colour: 'red' }] },
      'colour',
    ],
    ['PATCH /v1/trails/{trail}', 'patch', (name) => trailPath(name), { s3Prefix: 'x' }, 's3Prefix'],
    [
      'PUT …/event-selectors (a member of a selector)',
      'put',
      (name) => `${trailPath(name)}/event-selectors`,
      { eventSelectors: [{ readWriteType: 'All', includeDataEvents: true }] },
      'includeDataEvents',
    ],
    [
      'PUT …/insight-selectors',
      'put',
      (name) => `${trailPath(name)}/insight-selectors`,
      { insightSelectors: [], enabled: true },
      'enabled',
    ],
    [
      'POST …/tags',
      'post',
      (_name, arn) => `${trailPath(arn)}/tags`,
      { tagsList: [], resourceId: 'x' },
      'resourceId',
    ],
  ];

  it('are refused on every REST trail route with ValidationException naming them, writing nothing', async () => {
    const { account, api, name } = await world();
    const arn = (await api.getTrail(name)).trailArn;
    const before = await snapshot(api);
    for (const [route, method, path, body, field] of refusals) {
      const response = await app.rest(account, 'eu-west-1')[method](path(name, arn), body);
      expect([route, response.status, response.body.error?.code]).toEqual([
        route,
        400,
        'ValidationException',
      ]);
      expect(response.body.error.message).toContain(field);
    }
    expect(await snapshot(api)).toEqual(before);
  });

  it('are refused in REST query strings', async () => {
    const { account } = await world();
    const response = await app.rest(account, 'eu-west-1').get('/v1/trails?shadows=false');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('ValidationException');
  });

  it('are ignored on the AWS protocol, where SDKs may send members newer than ours', async () => {
    const { account, api } = await world();
    const name = trailName();
    const response = await awsJson(account, 'CreateTrail', {
      Name: name,
      S3BucketName: BUCKET,
      SomeFutureMember: { nested: true },
    });
    expect(response.status).toBe(200);
    expect((await api.getTrail(name)).name).toBe(name);
  });
});

describe('wrong JSON types and malformed JSON', () => {
  /** [problem, operation, body (`{name}` and `{arn}` stand for the world's trail), member the message names]. */
  const awsTypeErrors: Array<[string, string, object, string]> = [
    ['a number for Name', 'CreateTrail', { Name: 42, S3BucketName: BUCKET }, 'Name'],
    [
      'a string for IsMultiRegionTrail',
      'CreateTrail',
      { Name: 'typed-trail', S3BucketName: BUCKET, IsMultiRegionTrail: 'true' },
      'IsMultiRegionTrail',
    ],
    [
      'an object for TagsList',
      'CreateTrail',
      { Name: 'typed-trail', S3BucketName: BUCKET, TagsList: { Key: 'a' } },
      'TagsList',
    ],
    [
      'a number for a tag key',
      'CreateTrail',
      { Name: 'typed-trail', S3BucketName: BUCKET, TagsList: [{ Key: 1 }] },
      'Key',
    ],
    ['no S3BucketName', 'CreateTrail', { Name: 'typed-trail' }, 'S3BucketName'],
    ['null for Name', 'CreateTrail', { Name: null, S3BucketName: BUCKET }, 'Name'],
    ['a number for UpdateTrail Name', 'UpdateTrail', { Name: 7, S3KeyPrefix: 'x' }, 'Name'],
    [
      'a string for EventSelectors',
      'PutEventSelectors',
      { TrailName: '{name}', EventSelectors: 'All' },
      'EventSelectors',
    ],
    [
      'a string for IncludeManagementEvents',
      'PutEventSelectors',
      { TrailName: '{name}', EventSelectors: [{ IncludeManagementEvents: 'yes' }] },
      'IncludeManagementEvents',
    ],
    ['a number in ResourceIdList', 'ListTags', { ResourceIdList: [7] }, 'ResourceIdList'],
    ['no TagsList on RemoveTags', 'RemoveTags', { ResourceId: '{arn}' }, 'TagsList'],
    ['no TagsList on AddTags', 'AddTags', { ResourceId: '{arn}' }, 'TagsList'],
    [
      'a string for includeShadowTrails',
      'DescribeTrails',
      { includeShadowTrails: 'false' },
      'includeShadowTrails',
    ],
  ];

  it('the AWS protocol answers wrong member types with InvalidParameterException naming the member', async () => {
    const { account, api, name } = await world();
    const before = await snapshot(api);
    for (const [problem, operation, body, member] of awsTypeErrors) {
      const arn = trailArn(account.accountId, 'eu-west-1', name);
      const response = await awsJson(
        account,
        operation,
        JSON.parse(JSON.stringify(body).replace('{name}', name).replace('{arn}', arn)),
      );
      const error = JSON.parse(response.text) as { __type: string; Message: string };
      expect([problem, response.status, error.__type]).toEqual([problem, 400, 'InvalidParameterException']);
      expect(error.Message).toContain(member);
    }
    expect(await snapshot(api)).toEqual(before);
  });

  it('the AWS protocol answers a body that is no JSON object with SerializationException', async () => {
    const { account, api } = await world();
    const before = await snapshot(api);
    for (const [problem, body] of [
      ['malformed JSON', '{"Name": "x", '],
      ['a JSON array', '[{"Name": "x", "S3BucketName": "audit-logs"}]'],
      ['a JSON string', '"CreateTrail"'],
    ]) {
      const response = await awsJson(account, 'CreateTrail', body);
      expect([problem, response.status, JSON.parse(response.text).__type]).toEqual([
        problem,
        400,
        'SerializationException',
      ]);
    }
    expect(await snapshot(api)).toEqual(before);
  });

  it('REST answers wrong types on CreateTrail with ValidationException naming the field', async () => {
    const { account, api } = await world();
    const before = await snapshot(api);
    const restTypeErrors: Array<[string, object, string]> = [
      ['a number for name', { name: 42, s3BucketName: BUCKET }, 'name'],
      [
        'a string for isMultiRegionTrail',
        { name: 'typed-trail', s3BucketName: BUCKET, isMultiRegionTrail: 'yes' },
        'isMultiRegionTrail',
      ],
      ['a string for tagsList', { name: 'typed-trail', s3BucketName: BUCKET, tagsList: 'a=b' }, 'tagsList'],
      ['no s3BucketName', { name: 'typed-trail' }, 's3BucketName'],
      ['null for s3BucketName', { name: 'typed-trail', s3BucketName: null }, 's3BucketName'],
    ];
    for (const [problem, body, field] of restTypeErrors) {
      const response = await app.rest(account, 'eu-west-1').post('/v1/trails', body);
      expect([problem, response.status, response.body.error?.code]).toEqual([
        problem,
        400,
        'ValidationException',
      ]);
      expect(response.body.error.message).toContain(field);
    }
    expect(await snapshot(api)).toEqual(before);
  });

  it('REST answers wrong types on the other trail routes with ValidationException', async () => {
    const { account, api, name } = await world();
    const arn = (await api.getTrail(name)).trailArn;
    const rest = app.rest(account, 'eu-west-1');
    const before = await snapshot(api);
    const responses = [
      await rest.patch(trailPath(name), { enableLogFileValidation: 'true' }),
      await rest.put(`${trailPath(name)}/event-selectors`, {
        eventSelectors: [{ dataResources: 'AWS::S3::Object' }],
      }),
      await rest.put(`${trailPath(name)}/insight-selectors`, { insightSelectors: [{ insightType: 1 }] }),
      await rest.post(`${trailPath(arn)}/tags`, { tagsList: [{ key: 'k', value: 5 }] }),
      await rest.get('/v1/trails?includeShadowTrails=maybe'),
    ];
    expect(responses.map((r) => [r.status, r.body.error?.code])).toEqual(
      responses.map(() => [400, 'ValidationException']),
    );
    expect(await snapshot(api)).toEqual(before);
  });

  it('REST answers malformed JSON with ValidationException', async () => {
    const { account, api } = await world();
    const before = await snapshot(api);
    const response = await app
      .rest(account, 'eu-west-1')
      .post('/v1/trails', '{"name": "x", ' as unknown as object);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('ValidationException');
    expect(await snapshot(api)).toEqual(before);
  });
});

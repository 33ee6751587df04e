import { signRequest } from '@app/sigv4';
import { OPERATOR, TestApp } from '../support/test-app';

/** Bad input is answered in the caller's protocol, in its own words, and changes nothing. */
describe('input errors in the protocol’s own words', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  const signing = (service: string) => ({
    accessKeyId: OPERATOR.accessKeyId,
    secretAccessKey: OPERATOR.secretAccessKey,
    region: 'us-east-1',
    service,
    now: new Date(),
  });

  async function send(path: string, headers: Record<string, string>, body: string, service: string) {
    const signed = signRequest({
      method: 'POST',
      url: `${app.url}${path}`,
      headers,
      body,
      ...signing(service),
    });
    const response = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { ...headers, ...signed },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('says once that a missing member is required, on the AWS protocol and over REST', async () => {
    const aws = await send(
      '/',
      { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'CloudTrail_20131101.CreateTrail' },
      JSON.stringify({ Name: 'no-bucket' }),
      'cloudtrail',
    );
    expect(aws.status).toBe(400);
    expect(aws.body).toMatchObject({
      __type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value null at 'S3BucketName' failed to satisfy constraint: Member must not be null",
    });
    const rest = await app.rest().post('/v1/trails', { name: 'no-bucket' });
    expect(rest.status).toBe(400);
    expect(rest.body.error).toMatchObject({
      code: 'ValidationException',
      message: 'Invalid request: s3BucketName is required',
    });
  });

  it('refuses a form-encoded body on REST and with an X-Amz-Target, as it refuses text/plain', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const rest = await send('/v1/regions', form, 'name=xx-form-1&optIn=false', 'trailplane');
    expect(rest.status).toBe(400);
    expect(rest.body).toMatchObject({ error: { code: 'ValidationException' } });
    const json = await send(
      '/',
      { ...form, 'x-amz-target': 'CloudTrail_20131101.CreateTrail' },
      'Name=form-trail&S3BucketName=audit-logs',
      'cloudtrail',
    );
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ __type: 'SerializationException' });
    const regions = (await app.rest().get('/v1/regions')).body as { regions: Array<{ name: string }> };
    expect(regions.regions.map((region) => region.name)).not.toContain('xx-form-1');
    expect((await app.rest().get('/v1/trails/form-trail')).status).toBe(404);
  });
});

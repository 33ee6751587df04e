import { DescribeOrganizationCommand } from '@aws-sdk/client-organizations';
import { CreateTrailCommand, GetTrailCommand } from '@aws-sdk/client-cloudtrail';
import { presignUrl, signRequest } from '@app/sigv4';
import { given } from '../support/given';
import { OPERATOR, TestApp } from '../support/test-app';

/**
 * RELIABILITY.md scenario 19: the operation a request performs is covered by its signature. Every
 * x-amz-* header and the content type of a request with a body must be signed; the AWS JSON
 * protocol is served on POST only, so a presigned GET cannot be turned into a call of it.
 */
describe('the signature covers the operation', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  const TARGET = 'CloudTrail_20131101';
  const jsonHeaders = { 'content-type': 'application/x-amz-json-1.1' };

  async function createTrail(name: string): Promise<void> {
    await app.cloudtrail().send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' }));
  }

  function signing(service: string) {
    return {
      accessKeyId: OPERATOR.accessKeyId,
      secretAccessKey: OPERATOR.secretAccessKey,
      region: 'us-east-1',
      service,
      now: new Date(),
    };
  }

  it('refuses X-Amz-Target when it is not signed, so signed bytes cannot be replayed as DeleteTrail', async () => {
    const name = 'replayed-trail';
    await createTrail(name);
    const body = JSON.stringify({ Name: name });
    // Signed without the target: content-type, host and x-amz-date only.
    const headers = signRequest({
      method: 'POST',
      url: `${app.url}/`,
      headers: jsonHeaders,
      body,
      ...signing('cloudtrail'),
    });
    expect(headers.authorization).toContain('SignedHeaders=content-type;host;x-amz-date');
    for (const operation of ['GetTrail', 'DeleteTrail']) {
      const response = await fetch(`${app.url}/`, {
        method: 'POST',
        headers: { ...jsonHeaders, ...headers, 'x-amz-target': `${TARGET}.${operation}` },
        body,
      });
      expect(response.status).toBe(403);
      const error = (await response.json()) as { __type: string; message: string };
      expect(error.__type).toBe('InvalidSignatureException');
      expect(error.message).toContain('x-amz-target');
    }
    expect((await app.cloudtrail().send(new GetTrailCommand({ Name: name }))).Trail?.Name).toBe(name);
  });

  it('refuses a presigned GET / with an added X-Amz-Target: a member cannot be made to leave its organization', async () => {
    const org = await given.organization(app);
    const member = await given.member(app, org);
    const url = presignUrl({
      url: `${app.url}/`,
      accessKeyId: member.accessKeyId,
      secretAccessKey: member.secretAccessKey,
      region: 'us-east-1',
      service: 'organizations',
      now: new Date(),
      expiresInSeconds: 604_800,
    });
    // The AWS JSON protocol is served on POST only: the GET is refused before anything runs.
    const response = await fetch(url, {
      headers: { 'x-amz-target': 'AWSOrganizationsV20161128.LeaveOrganization' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { __type: string }).__type).toBe('UnknownOperationException');
    const still = await app.organizations(member).send(new DescribeOrganizationCommand({}));
    expect(still.Organization?.Id).toBe(org.id);
  });

  it('refuses a body whose content type is not signed, on REST too', async () => {
    const body = JSON.stringify({ name: 'xx-unsigned-1', optIn: false });
    const headers = signRequest({
      method: 'POST',
      url: `${app.url}/v1/regions`,
      body,
      ...signing('trailplane'),
    });
    const response = await fetch(`${app.url}/v1/regions`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'InvalidSignatureException',
    );
    const regions = (await app.rest().get('/v1/regions')).body as { regions: Array<{ name: string }> };
    expect(regions.regions.map((region) => region.name)).not.toContain('xx-unsigned-1');
  });

  it('keeps the query protocol GET form of STS', async () => {
    const url = presignUrl({
      url: `${app.url}/?Action=GetCallerIdentity&Version=2011-06-15`,
      ...signing('sts'),
    });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`<Account>${OPERATOR.accountId}</Account>`);
  });
});

import { given } from '../support/given';
import { type TestCredentials } from '../support/credentials';
import { signedRequest } from '../support/signed-request';
import { TestApp } from '../support/test-app';

/** A raw AWS JSON 1.1 call, signed as the SDK would, to see the exact bytes on the wire. */
function call(app: TestApp, credentials: TestCredentials, operation: string, body: string | object = {}) {
  return signedRequest(app.url, credentials, 'POST', '/', body, {
    service: 'organizations',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSOrganizationsV20161128.${operation}`,
    },
  });
}

describe('Organizations over AWS JSON 1.1: the wire format', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('sends timestamps as epoch seconds and omits absent optional members', async () => {
    const org = await given.organization(app);
    const before = Date.now() / 1000;

    const response = await call(app, org.management, 'CreateAccount', {
      AccountName: 'Wire',
      Email: `wire-${org.id}@example.com`,
    });

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-amz-json-1\.1\b/);
    const status = JSON.parse(response.text).CreateAccountStatus;
    expect(Object.keys(status).sort()).toEqual(['AccountName', 'Id', 'RequestedTimestamp', 'State']);
    expect(typeof status.RequestedTimestamp).toBe('number');
    expect(status.RequestedTimestamp).toBeGreaterThanOrEqual(Math.floor(before) - 1);
    expect(status.RequestedTimestamp).toBeLessThanOrEqual(Date.now() / 1000 + 1);

    const accounts = JSON.parse((await call(app, org.management, 'ListAccounts')).text);
    expect(typeof accounts.Accounts[0].JoinedTimestamp).toBe('number');
    expect(accounts).not.toHaveProperty('NextToken');
  });

  it('answers {} to an operation without output and accepts an empty body for one without input', async () => {
    const org = await given.organization(app);

    const enabled = await call(app, org.management, 'EnableAWSServiceAccess', {
      ServicePrincipal: 'cloudtrail.amazonaws.com',
    });
    const described = await call(app, org.management, 'DescribeOrganization', '');

    expect(enabled.status).toBe(200);
    expect(enabled.headers['content-type']).toMatch(/^application\/x-amz-json-1\.1\b/);
    expect(enabled.text).toBe('{}');
    expect(described.status).toBe(200);
    expect(JSON.parse(described.text).Organization.Id).toBe(org.id);
  });

  it('renders errors as {__type, Message, message, Reason} with X-Amzn-ErrorType', async () => {
    const org = await given.organization(app);

    const response = await call(app, org.management, 'DescribeAccount', {});

    expect(response.status).toBe(400);
    expect(response.headers['x-amzn-errortype']).toBe('InvalidInputException');
    const body = JSON.parse(response.text);
    expect(body).toEqual({
      __type: 'InvalidInputException',
      Message: expect.stringContaining('AccountId'),
      message: body.Message,
      Reason: 'INPUT_REQUIRED',
    });
  });

  it.each([
    ['a string MaxResults', 'ListAccounts', { MaxResults: '5' }, undefined],
    ['a numeric AccountId', 'DescribeAccount', { AccountId: 111122223333 }, undefined],
    ['an AccountId of 13 digits', 'DescribeAccount', { AccountId: '1111222233334' }, 'MAX_LENGTH_EXCEEDED'],
    ['a Target that is not an object', 'InviteAccountToOrganization', { Target: 'ACCOUNT' }, undefined],
    ['States that is not a list', 'ListCreateAccountStatus', { States: 'FAILED' }, undefined],
  ])('refuses %s with InvalidInputException', async (_case, operation, body, reason) => {
    const org = await given.organization(app);
    const response = await call(app, org.management, operation, body);
    expect(response.status).toBe(400);
    const parsed = JSON.parse(response.text);
    expect(parsed.__type).toBe('InvalidInputException');
    expect(parsed.Reason).toBe(reason);
  });

  it('ignores members the model does not know (newer SDKs may send them)', async () => {
    const org = await given.organization(app);
    const response = await call(app, org.management, 'DescribeAccount', {
      AccountId: org.management.accountId,
      SomeFutureMember: true,
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).Account.Id).toBe(org.management.accountId);
  });

  it('answers UnknownOperationException to an operation Organizations does not have', async () => {
    const org = await given.organization(app);
    const response = await call(app, org.management, 'DescribeEverything');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).__type).toBe('UnknownOperationException');
  });
});

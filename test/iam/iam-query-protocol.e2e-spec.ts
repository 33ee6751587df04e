import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteUserCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListPolicyVersionsCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { given } from '../support/given';
import { signedRequest } from '../support/signed-request';
import { TestApp } from '../support/test-app';
import { sdkError } from './support/iam-clients';
import { awsIam, iamClient } from './support/iam-query-clients';

const TRUST = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' },
  ],
};
const READ_TRAILS = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'cloudtrail:Get*', Resource: '*' }],
};

describe('IAM over the IAM query protocol (AWS CLI and @aws-sdk/client-iam)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ jobs: 'inline' });
  });
  afterAll(() => app.close());

  it('aws iam create-user, get-user, list-users (paged), delete-user, and NoSuchEntity after', async () => {
    const account = await given.account(app);

    const created = await awsIam(app, account, [
      'create-user',
      '--user-name',
      'alice',
      '--path',
      '/ops/',
      '--tags',
      'Key=team,Value=core',
    ]);
    expect(created).toMatchObject({ exitCode: 0 });
    expect(created.json).toEqual({
      User: {
        Path: '/ops/',
        UserName: 'alice',
        UserId: expect.stringMatching(/^AIDA[A-Z0-9]{16}$/),
        Arn: `arn:aws:iam::${account.accountId}:user/ops/alice`,
        CreateDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        Tags: [{ Key: 'team', Value: 'core' }],
      },
    });
    await iamClient(app, account).send(new CreateUserCommand({ UserName: 'bob' }));
    const got = await awsIam(app, account, ['get-user', '--user-name', 'alice']);
    expect(got.json).toEqual(created.json);

    // The CLI follows Marker while IsTruncated, one user a page.
    const listed = await awsIam(app, account, ['list-users', '--page-size', '1']);
    expect((listed.json as { Users: { UserName: string }[] }).Users.map((u) => u.UserName)).toEqual([
      'alice',
      'bob',
    ]);
    const firstPage = await iamClient(app, account).send(new ListUsersCommand({ MaxItems: 1 }));
    expect(firstPage).toMatchObject({ IsTruncated: true, Marker: expect.any(String) });
    expect(firstPage.Users).toHaveLength(1);
    const secondPage = await iamClient(app, account).send(
      new ListUsersCommand({ MaxItems: 1, Marker: firstPage.Marker }),
    );
    expect(secondPage.IsTruncated).toBe(false);
    expect(secondPage.Marker).toBeUndefined();

    expect((await awsIam(app, account, ['delete-user', '--user-name', 'bob'])).exitCode).toBe(0);
    const missing = await awsIam(app, account, ['get-user', '--user-name', 'bob']);
    expect(missing.exitCode).not.toBe(0);
    expect(missing.stderr).toContain('(NoSuchEntity)');
    expect(
      await sdkError(iamClient(app, account).send(new CreateUserCommand({ UserName: 'alice' }))),
    ).toMatchObject({
      name: 'EntityAlreadyExistsException',
    });
  });

  it('aws iam roles and inline policies: documents go out URL-encoded, the CLI decodes them', async () => {
    const account = await given.account(app);
    const role = await awsIam(app, account, [
      'create-role',
      '--role-name',
      'Auditor',
      '--assume-role-policy-document',
      JSON.stringify(TRUST),
      '--max-session-duration',
      '7200',
    ]);
    expect(role).toMatchObject({ exitCode: 0 });
    expect(role.json).toMatchObject({
      Role: { RoleName: 'Auditor', MaxSessionDuration: 7200, AssumeRolePolicyDocument: TRUST },
    });
    const raw = await iamClient(app, account).send(new GetRoleCommand({ RoleName: 'Auditor' }));
    expect(raw.Role!.AssumeRolePolicyDocument).toMatch(/^%7B%22Version%22%3A%222012-10-17%22/);
    expect(JSON.parse(decodeURIComponent(raw.Role!.AssumeRolePolicyDocument!))).toEqual(TRUST);

    await iamClient(app, account).send(new CreateUserCommand({ UserName: 'carol' }));
    const put = await awsIam(app, account, [
      'put-user-policy',
      '--user-name',
      'carol',
      '--policy-name',
      'ReadTrails',
      '--policy-document',
      JSON.stringify(READ_TRAILS),
    ]);
    expect(put.exitCode).toBe(0);
    expect(
      (await awsIam(app, account, ['get-user-policy', '--user-name', 'carol', '--policy-name', 'ReadTrails']))
        .json,
    ).toEqual({
      UserName: 'carol',
      PolicyName: 'ReadTrails',
      PolicyDocument: READ_TRAILS,
    });
    const names = await iamClient(app, account).send(new ListUserPoliciesCommand({ UserName: 'carol' }));
    expect(names).toMatchObject({ PolicyNames: ['ReadTrails'], IsTruncated: false });
    const malformed = await awsIam(app, account, [
      'put-user-policy',
      '--user-name',
      'carol',
      '--policy-name',
      'Broken',
      '--policy-document',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Maybe"}]}',
    ]);
    expect(malformed.stderr).toContain('(MalformedPolicyDocument)');
  });

  it('@aws-sdk/client-iam: managed policies, versions, attachments and simulation', async () => {
    const account = await given.account(app);
    const iam = iamClient(app, account);
    const { Policy } = await iam.send(
      new CreatePolicyCommand({ PolicyName: 'ReadTrails', PolicyDocument: JSON.stringify(READ_TRAILS) }),
    );
    expect(Policy).toMatchObject({
      PolicyName: 'ReadTrails',
      Arn: `arn:aws:iam::${account.accountId}:policy/ReadTrails`,
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      IsAttachable: true,
      CreateDate: expect.any(Date),
    });
    const { PolicyVersion } = await iam.send(
      new CreatePolicyVersionCommand({
        PolicyArn: Policy!.Arn,
        PolicyDocument: JSON.stringify({
          ...READ_TRAILS,
          Statement: [{ ...READ_TRAILS.Statement[0], Sid: 'Two' }],
        }),
        SetAsDefault: true,
      }),
    );
    expect(PolicyVersion).toMatchObject({ VersionId: 'v2', IsDefaultVersion: true });
    const v1 = await iam.send(new GetPolicyVersionCommand({ PolicyArn: Policy!.Arn, VersionId: 'v1' }));
    expect(JSON.parse(decodeURIComponent(v1.PolicyVersion!.Document!))).toEqual(READ_TRAILS);
    const versions = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: Policy!.Arn }));
    expect(versions.Versions!.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
      ['v2', true],
      ['v1', false],
    ]);

    await iam.send(
      new CreateRoleCommand({ RoleName: 'Reader', AssumeRolePolicyDocument: JSON.stringify(TRUST) }),
    );
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'Reader', PolicyArn: Policy!.Arn }));
    expect(
      (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'Reader' }))).AttachedPolicies,
    ).toEqual([{ PolicyName: 'ReadTrails', PolicyArn: Policy!.Arn }]);
    const { EvaluationResults } = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: `arn:aws:iam::${account.accountId}:role/Reader`,
        ActionNames: ['cloudtrail:GetTrail', 'cloudtrail:DeleteTrail'],
        ContextEntries: [
          {
            ContextKeyName: 'aws:RequestedRegion',
            ContextKeyValues: ['us-east-1'],
            ContextKeyType: 'string',
          },
        ],
      }),
    );
    expect(EvaluationResults!.map((r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision])).toEqual([
      ['cloudtrail:GetTrail', '*', 'allowed'],
      ['cloudtrail:DeleteTrail', '*', 'implicitDeny'],
    ]);

    await iam.send(new CreateUserCommand({ UserName: 'dave' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'dave',
        PolicyName: 'P',
        PolicyDocument: JSON.stringify(READ_TRAILS),
      }),
    );
    const inline = await iam.send(new GetUserPolicyCommand({ UserName: 'dave', PolicyName: 'P' }));
    expect(JSON.parse(decodeURIComponent(inline.PolicyDocument!))).toEqual(READ_TRAILS);
    expect(await sdkError(iam.send(new DeleteUserCommand({ UserName: 'dave' })))).toMatchObject({
      name: 'DeleteConflictException',
    });
    expect(await sdkError(iam.send(new GetUserCommand({ UserName: 'nobody' })))).toEqual({
      name: 'NoSuchEntityException',
      message: expect.stringContaining('nobody'),
    });
  });

  it('answers IAM errors as the IAM query protocol does, and only for signatures scoped to iam', async () => {
    const account = await given.account(app);
    const denied = await awsIam(app, { ...account, secretAccessKey: 'not-the-secret' }, ['list-users']);
    expect(denied.stderr).toContain('(SignatureDoesNotMatch)');
    expect(
      await sdkError(iamClient(app, account).send(new ListUsersCommand({ Marker: 'not-a-marker' }))),
    ).toMatchObject({ name: 'ValidationError' });
    const unsupported = await awsIam(app, account, ['list-groups']);
    expect(unsupported.stderr).toContain('(InvalidAction)');

    const form = (action: string, service: string) =>
      signedRequest(app.url, account, 'POST', '/', `Action=${action}&Version=2010-05-08&UserName=nobody`, {
        service,
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      });
    const missing = await form('GetUser', 'iam');
    expect(missing.status).toBe(404);
    expect(missing.text).toMatch(
      /^<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><Error><Type>Sender<\/Type><Code>NoSuchEntity<\/Code><Message>The user with name nobody cannot be found\.<\/Message><\/Error><RequestId>[\w-]+<\/RequestId><\/ErrorResponse>$/,
    );
    const misscoped = await form('GetUser', 'sts');
    expect(misscoped.status).toBe(403);
    expect(misscoped.text).toContain('<Code>');
  });
});

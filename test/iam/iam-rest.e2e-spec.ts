import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  type CreateManagedPolicyRequest as CreatePolicyRequest,
  type CreateRoleRequest,
  type CreateUserRequest,
} from '@app/iam';
import { given, givenIam, uniqueName } from '../support/given';
import { TestApp } from '../support/test-app';
import { sdkError, stsClient } from './support/iam-clients';

const ALLOW_LIST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'cloudtrail:List*', Resource: '*' }],
};
/** By name, ignoring case, as IAM lists them. */
const AWS_MANAGED = [
  'AdministratorAccess',
  'AWSCloudTrail_FullAccess',
  'AWSCloudTrail_ReadOnlyAccess',
  'AWSOrganizationsFullAccess',
  'AWSOrganizationsReadOnlyAccess',
  'ReadOnlyAccess',
];

const encoded = (arn: string): string => encodeURIComponent(arn);

describe('IAM over REST', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  describe('users', () => {
    it('creates, gets, lists (paged) and deletes users', async () => {
      const account = await given.account(app);
      const rest = app.rest(account);
      const created = await rest.post('/v1/iam/users', {
        userName: 'alice',
        path: '/auditors/',
        tags: [{ key: 'team', value: 'blue' }],
      } satisfies CreateUserRequest);
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        userName: 'alice',
        userId: expect.stringMatching(/^AIDA[A-Z0-9]{16}$/),
        arn: `arn:aws:iam::${account.accountId}:user/auditors/alice`,
        path: '/auditors/',
        createDate: expect.any(String),
        tags: [{ key: 'team', value: 'blue' }],
      });
      expect((await rest.get('/v1/iam/users/alice')).body).toEqual(created.body);
      await rest.post('/v1/iam/users', { userName: 'bob' });
      await rest.post('/v1/iam/users', { userName: 'carol' });

      const first = await rest.get('/v1/iam/users?maxItems=2');
      expect(first.body.users.map((u: { userName: string }) => u.userName)).toEqual(['alice', 'bob']);
      expect(first.body.isTruncated).toBe(true);
      const second = await rest.get(
        `/v1/iam/users?maxItems=2&marker=${encodeURIComponent(first.body.marker)}`,
      );
      expect(second.body).toMatchObject({
        isTruncated: false,
        users: [expect.objectContaining({ userName: 'carol' })],
      });
      expect((await rest.get('/v1/iam/users?pathPrefix=/auditors/')).body.users).toHaveLength(1);
      const tampered = await rest.get(`/v1/iam/users?marker=${encodeURIComponent(`${first.body.marker}x`)}`);
      expect(tampered.body.error.code).toBe('ValidationError');

      expect((await rest.delete('/v1/iam/users/bob')).status).toBe(204);
      const missing = await rest.get('/v1/iam/users/bob');
      expect(missing.status).toBe(404);
      expect(missing.body.error).toMatchObject({
        code: 'NoSuchEntity',
        message: 'The user with name bob cannot be found.',
      });
    });

    it('refuses duplicates (ignoring case) and invalid names or paths', async () => {
      const rest = app.rest(await given.account(app));
      await rest.post('/v1/iam/users', { userName: 'Dave' });
      const duplicate = await rest.post('/v1/iam/users', { userName: 'dave' });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.error).toMatchObject({
        code: 'EntityAlreadyExists',
        message: 'User with name dave already exists.',
      });
      for (const body of [
        { userName: 'has space' },
        { userName: 'x'.repeat(65) },
        { userName: 'ok', path: 'no-slashes' },
        { userName: 'ok', tags: [{ key: 'a' }, { key: 'A' }] },
      ]) {
        const refused = await rest.post('/v1/iam/users', body);
        expect({ body, status: refused.status, code: refused.body.error.code }).toEqual({
          body,
          status: 400,
          code: 'ValidationError',
        });
      }
      expect((await rest.get('/v1/iam/users')).body.users).toHaveLength(1);
    });

    it('deletes a user only without access keys, attached or inline policies (DeleteConflict)', async () => {
      const account = await given.account(app);
      const rest = app.rest(account);
      const user = await givenIam.user(app, account, {
        managedPolicies: ['ReadOnlyAccess'],
        inlinePolicies: { List: ALLOW_LIST },
      });
      const conflict = async (message: string) => {
        const response = await rest.delete(`/v1/iam/users/${user.userName}`);
        expect(response.status).toBe(409);
        expect(response.body.error).toMatchObject({ code: 'DeleteConflict', message });
      };
      await conflict('Cannot delete entity, must delete access keys first.');
      expect(
        (await rest.delete(`/v1/iam/users/${user.userName}/access-keys/${user.accessKeyId}`)).status,
      ).toBe(204);
      await conflict('Cannot delete entity, must detach all policies first.');
      await rest.delete(
        `/v1/iam/users/${user.userName}/attached-policies?policyArn=${encoded('arn:aws:iam::aws:policy/ReadOnlyAccess')}`,
      );
      await conflict('Cannot delete entity, must delete policies first.');
      expect((await rest.delete(`/v1/iam/users/${user.userName}/policies/List`)).status).toBe(204);
      expect((await rest.delete(`/v1/iam/users/${user.userName}`)).status).toBe(204);
    });
  });

  describe('access keys', () => {
    it('shows the secret once, allows two per user, and a deleted key stops authenticating at once', async () => {
      const account = await given.account(app);
      const rest = app.rest(account);
      const user = await givenIam.user(app, account);
      const second = await rest.post(`/v1/iam/users/${user.userName}/access-keys`);
      expect(second.status).toBe(201);
      expect(second.body).toEqual({
        userName: user.userName,
        accessKeyId: expect.stringMatching(/^AKIA[A-Z0-9]{16}$/),
        status: 'Active',
        createDate: expect.any(String),
        secretAccessKey: expect.stringMatching(/^\S{40}$/),
      });
      const third = await rest.post(`/v1/iam/users/${user.userName}/access-keys`);
      expect(third.status).toBe(409);
      expect(third.body.error).toMatchObject({
        code: 'LimitExceeded',
        message: 'Cannot exceed quota for AccessKeysPerUser: 2',
      });

      const listed = await rest.get(`/v1/iam/users/${user.userName}/access-keys`);
      expect(listed.body.accessKeyMetadata.map((k: { accessKeyId: string }) => k.accessKeyId).sort()).toEqual(
        [user.accessKeyId, second.body.accessKeyId].sort(),
      );
      expect(JSON.stringify(listed.body)).not.toContain(user.secretAccessKey);

      expect((await stsClient(app, user).send(new GetCallerIdentityCommand({}))).Arn).toBe(user.arn);
      expect(
        (await rest.delete(`/v1/iam/users/${user.userName}/access-keys/${user.accessKeyId}`)).status,
      ).toBe(204);
      expect(await sdkError(stsClient(app, user).send(new GetCallerIdentityCommand({})))).toMatchObject({
        name: 'InvalidClientTokenId',
      });
      const again = await rest.delete(`/v1/iam/users/${user.userName}/access-keys/${user.accessKeyId}`);
      expect(again.body.error).toMatchObject({
        code: 'NoSuchEntity',
        message: `The Access Key with id ${user.accessKeyId} cannot be found.`,
      });
    });
  });

  describe('managed policies', () => {
    it('has the AWS managed policies from the start', async () => {
      const rest = app.rest(await given.account(app));
      const listed = await rest.get('/v1/iam/policies?scope=AWS');
      expect(listed.body.policies.map((p: { policyName: string }) => p.policyName)).toEqual(AWS_MANAGED);
      const admin = await rest.get(
        `/v1/iam/policies/${encoded('arn:aws:iam::aws:policy/AdministratorAccess')}`,
      );
      expect(admin.body).toMatchObject({
        policyName: 'AdministratorAccess',
        arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
        defaultVersionId: 'v1',
        attachmentCount: 0,
        isAttachable: true,
      });
      const version = await rest.get(
        `/v1/iam/policies/${encoded('arn:aws:iam::aws:policy/AdministratorAccess')}/versions/v1`,
      );
      expect(JSON.parse(version.body.document)).toEqual({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
      });
      const removal = await rest.delete(
        `/v1/iam/policies/${encoded('arn:aws:iam::aws:policy/ReadOnlyAccess')}`,
      );
      expect(removal.body.error.code).toBe('AccessDeniedException');
    });

    it('creates customer managed policies with versions; malformed or oversized documents store nothing', async () => {
      const account = await given.account(app);
      const rest = app.rest(account);
      const created = await rest.post('/v1/iam/policies', {
        policyName: 'TrailListers',
        policyDocument: ALLOW_LIST,
        path: '/team/',
        description: 'lists trails',
      } satisfies Omit<CreatePolicyRequest, 'policyDocument'> & { policyDocument: object });
      expect(created.status).toBe(201);
      const arn = `arn:aws:iam::${account.accountId}:policy/team/TrailListers`;
      expect(created.body).toMatchObject({
        arn,
        policyId: expect.stringMatching(/^ANPA/),
        defaultVersionId: 'v1',
        path: '/team/',
      });

      const duplicate = await rest.post('/v1/iam/policies', {
        policyName: 'traillisters',
        policyDocument: ALLOW_LIST,
      });
      expect(duplicate.body.error.code).toBe('EntityAlreadyExists');
      const malformed = await rest.post('/v1/iam/policies', {
        policyName: 'Broken',
        policyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cloudtrail:*' }] },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('MalformedPolicyDocument');
      const unknownOperator = await rest.post('/v1/iam/policies', {
        policyName: 'Broken',
        policyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: '*',
              Resource: '*',
              Condition: { StringEqualz: { 'aws:username': 'x' } },
            },
          ],
        },
      });
      expect(unknownOperator.body.error.code).toBe('MalformedPolicyDocument');
      const huge = await rest.post('/v1/iam/policies', {
        policyName: 'Huge',
        policyDocument: {
          Version: '2012-10-17',
          Statement: Array.from({ length: 120 }, (_, i) => ({
            Sid: `S${i}`,
            Effect: 'Allow',
            Action: 'cloudtrail:GetTrail',
            Resource: '*',
          })),
        },
      });
      expect(huge.body.error).toMatchObject({
        code: 'LimitExceeded',
        message: 'Cannot exceed quota for PolicySize: 6144',
      });
      expect(
        (await rest.get('/v1/iam/policies?scope=Local')).body.policies.map(
          (p: { policyName: string }) => p.policyName,
        ),
      ).toEqual(['TrailListers']);

      const versions = `/v1/iam/policies/${encoded(arn)}/versions`;
      const v2 = await rest.post(versions, { policyDocument: ALLOW_LIST, setAsDefault: true });
      expect(v2.body).toMatchObject({ versionId: 'v2', isDefaultVersion: true });
      expect((await rest.get(`/v1/iam/policies/${encoded(arn)}`)).body.defaultVersionId).toBe('v2');
      for (const expected of ['v3', 'v4', 'v5']) {
        expect((await rest.post(versions, { policyDocument: ALLOW_LIST })).body.versionId).toBe(expected);
      }
      const sixth = await rest.post(versions, { policyDocument: ALLOW_LIST });
      expect(sixth.body.error.code).toBe('LimitExceeded');
      expect((await rest.get(versions)).body.versions.map((v: { versionId: string }) => v.versionId)).toEqual(
        ['v5', 'v4', 'v3', 'v2', 'v1'],
      );
      const deleteDefault = await rest.delete(`${versions}/v2`);
      expect(deleteDefault.body.error).toMatchObject({
        code: 'DeleteConflict',
        message: 'Cannot delete the default version of a policy.',
      });
      expect(
        (await rest.put(`/v1/iam/policies/${encoded(arn)}/default-version`, { versionId: 'v1' })).status,
      ).toBe(204);
      for (const version of ['v2', 'v3', 'v4', 'v5'])
        expect((await rest.delete(`${versions}/${version}`)).status).toBe(204);
      expect((await rest.get(`${versions}/v9`)).body.error.code).toBe('NoSuchEntity');
      expect((await rest.get(`${versions}/nine`)).body.error.code).toBe('ValidationError');

      const user = await givenIam.user(app, account, { managedPolicies: [arn] });
      const attachedPolicy = await rest.delete(`/v1/iam/policies/${encoded(arn)}`);
      expect(attachedPolicy.body.error).toMatchObject({
        code: 'DeleteConflict',
        message: 'Cannot delete a policy attached to entities.',
      });
      expect((await rest.get(`/v1/iam/policies/${encoded(arn)}`)).body.attachmentCount).toBe(1);
      await rest.delete(`/v1/iam/users/${user.userName}/attached-policies?policyArn=${encoded(arn)}`);
      expect((await rest.delete(`/v1/iam/policies/${encoded(arn)}`)).status).toBe(204);
      expect((await rest.get(`/v1/iam/policies/${encoded(arn)}`)).body.error).toMatchObject({
        code: 'NoSuchEntity',
        message: `Policy ${arn} was not found.`,
      });
    });

    it('attaches at most ten managed policies to a user; attaching twice changes nothing; unknown policies are refused', async () => {
      const account = await given.account(app);
      const rest = app.rest(account);
      const user = await givenIam.user(app, account, { managedPolicies: AWS_MANAGED });
      await rest.post(`/v1/iam/users/${user.userName}/attached-policies`, {
        policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      });
      for (let i = 0; i < 4; i++) {
        const policyName = uniqueName('p');
        await rest.post('/v1/iam/policies', { policyName, policyDocument: ALLOW_LIST });
        await rest.post(`/v1/iam/users/${user.userName}/attached-policies`, {
          policyArn: `arn:aws:iam::${account.accountId}:policy/${policyName}`,
        });
      }
      const attached = await rest.get(`/v1/iam/users/${user.userName}/attached-policies`);
      expect(attached.body.attachedPolicies).toHaveLength(10);
      await rest.post('/v1/iam/policies', { policyName: 'Eleventh', policyDocument: ALLOW_LIST });
      const eleventh = await rest.post(`/v1/iam/users/${user.userName}/attached-policies`, {
        policyArn: `arn:aws:iam::${account.accountId}:policy/Eleventh`,
      });
      expect(eleventh.body.error).toMatchObject({
        code: 'LimitExceeded',
        message: 'Cannot exceed quota for PoliciesPerUser: 10',
      });
      const unknown = await rest.post(`/v1/iam/users/${user.userName}/attached-policies`, {
        policyArn: `arn:aws:iam::${account.accountId}:policy/Nope`,
      });
      expect(unknown.body.error).toMatchObject({
        code: 'NoSuchEntity',
        message: `Policy arn:aws:iam::${account.accountId}:policy/Nope does not exist or is not attachable.`,
      });
      const notAttached = await rest.delete(
        `/v1/iam/users/${user.userName}/attached-policies?policyArn=${encoded(`arn:aws:iam::${account.accountId}:policy/Eleventh`)}`,
      );
      expect(notAttached.body.error.code).toBe('NoSuchEntity');
      const toMissingUser = await rest.post('/v1/iam/users/ghost/attached-policies', {
        policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      });
      expect(toMissingUser.body.error).toMatchObject({
        code: 'NoSuchEntity',
        message: 'The user with name ghost cannot be found.',
      });
    });
  });

  describe('inline policies', () => {
    it('puts, gets, lists and deletes them; a user holds 2,048 characters in all, a role 10,240', async () => {
      const account = await given.account(app);
      const rest = app.rest(account);
      const user = await givenIam.user(app, account);
      const base = `/v1/iam/users/${user.userName}/policies`;
      expect((await rest.put(`${base}/List`, { policyDocument: JSON.stringify(ALLOW_LIST) })).status).toBe(
        204,
      );
      expect((await rest.get(`${base}/List`)).body).toEqual({
        principalName: user.userName,
        policyName: 'List',
        policyDocument: JSON.stringify(ALLOW_LIST),
      });
      expect((await rest.get(base)).body).toEqual({ policyNames: ['List'] });

      const large = {
        Version: '2012-10-17',
        Statement: Array.from({ length: 30 }, (_, i) => ({
          Sid: `S${i}`,
          Effect: 'Allow',
          Action: 'cloudtrail:GetTrail',
          Resource: '*',
        })),
      };
      expect(JSON.stringify(large).length).toBeGreaterThan(2048);
      const tooLarge = await rest.put(`${base}/Large`, { policyDocument: large });
      expect(tooLarge.body.error.code).toBe('LimitExceeded');
      const half = { ...large, Statement: large.Statement.slice(0, 16) };
      expect((await rest.put(`${base}/Half`, { policyDocument: half })).status).toBe(204);
      const overTotal = await rest.put(`${base}/Other`, { policyDocument: half });
      expect(overTotal.body.error).toMatchObject({ code: 'LimitExceeded' });
      const malformed = await rest.put(`${base}/Bad`, { policyDocument: '{"Version":"2012-10-17"' });
      expect(malformed.body.error).toMatchObject({
        code: 'MalformedPolicyDocument',
        message: 'Syntax errors in policy.',
      });
      expect((await rest.get(base)).body.policyNames).toEqual(['Half', 'List']);
      expect((await rest.get(`${base}/Bad`)).body.error).toMatchObject({
        code: 'NoSuchEntity',
        message: 'The user policy with name Bad cannot be found.',
      });
      expect((await rest.delete(`${base}/Half`)).status).toBe(204);
      expect((await rest.delete(`${base}/Half`)).body.error.code).toBe('NoSuchEntity');

      const roleArn = await givenIam.role(app, account, { trustedPrincipals: [account.accountId] });
      const roleName = roleArn.split('/').pop()!;
      expect(
        (await rest.put(`/v1/iam/roles/${roleName}/policies/Large`, { policyDocument: large })).status,
      ).toBe(204);
    });
  });

  describe('roles', () => {
    it('creates a role with a validated trust policy; refuses one without a principal and stores nothing', async () => {
      const account = await given.account(app);
      const rest = app.rest(account);
      const trust = {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${account.accountId}:root` },
            Action: 'sts:AssumeRole',
          },
        ],
      };
      const created = await rest.post('/v1/iam/roles', {
        roleName: 'Auditor',
        assumeRolePolicyDocument: trust,
        description: 'reads trails',
        maxSessionDuration: 7200,
      } satisfies Omit<CreateRoleRequest, 'assumeRolePolicyDocument'> & { assumeRolePolicyDocument: object });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        roleName: 'Auditor',
        roleId: expect.stringMatching(/^AROA/),
        arn: `arn:aws:iam::${account.accountId}:role/Auditor`,
        description: 'reads trails',
        maxSessionDuration: 7200,
      });
      expect(JSON.parse((await rest.get('/v1/iam/roles/Auditor')).body.assumeRolePolicyDocument)).toEqual(
        trust,
      );

      const noPrincipal = await rest.post('/v1/iam/roles', {
        roleName: 'NoPrincipal',
        assumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }],
        },
      });
      expect(noPrincipal.body.error.code).toBe('MalformedPolicyDocument');
      const badDuration = await rest.post('/v1/iam/roles', {
        roleName: 'Short',
        assumeRolePolicyDocument: trust,
        maxSessionDuration: 60,
      });
      expect(badDuration.body.error.code).toBe('ValidationError');
      expect(
        (await rest.post('/v1/iam/roles', { roleName: 'auditor', assumeRolePolicyDocument: trust })).body
          .error.code,
      ).toBe('EntityAlreadyExists');
      expect(
        (await rest.get('/v1/iam/roles')).body.roles.map((r: { roleName: string }) => r.roleName),
      ).toEqual(['Auditor']);

      await rest.post('/v1/iam/roles/Auditor/attached-policies', {
        policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      });
      expect((await rest.delete('/v1/iam/roles/Auditor')).body.error.code).toBe('DeleteConflict');
      await rest.delete(
        `/v1/iam/roles/Auditor/attached-policies?policyArn=${encoded('arn:aws:iam::aws:policy/ReadOnlyAccess')}`,
      );
      expect((await rest.delete('/v1/iam/roles/Auditor')).status).toBe(204);
      expect((await rest.get('/v1/iam/roles/Auditor')).body.error).toMatchObject({
        code: 'NoSuchEntity',
        message: 'The role with name Auditor cannot be found.',
      });
    });
  });

  describe('authorization of IAM itself', () => {
    it('lets a user manage only what its policies name: its own access keys, via ${aws:username}', async () => {
      const account = await given.account(app);
      const self = await givenIam.user(app, account, {
        inlinePolicies: {
          OwnKeys: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['iam:CreateAccessKey', 'iam:ListAccessKeys', 'iam:DeleteAccessKey'],
                Resource: 'arn:aws:iam::*:user/${aws:username}',
              },
            ],
          },
        },
      });
      const other = await givenIam.user(app, account);
      const rest = app.rest(self);
      expect((await rest.get(`/v1/iam/users/${self.userName}/access-keys`)).status).toBe(200);
      const denied = await rest.get(`/v1/iam/users/${other.userName}/access-keys`);
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toBe(
        `User: ${self.arn} is not authorized to perform: iam:ListAccessKeys on resource: ${other.arn} because no identity-based policy allows the iam:ListAccessKeys action`,
      );
      expect((await rest.post('/v1/iam/users', { userName: uniqueName('u') })).status).toBe(403);
    });

    it('honours iam:PolicyARN to limit which policies an administrator of users may attach', async () => {
      const account = await given.account(app);
      const delegate = await givenIam.user(app, account, {
        inlinePolicies: {
          AttachReadOnly: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: 'iam:AttachUserPolicy',
                Resource: '*',
                Condition: { ArnEquals: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/ReadOnlyAccess' } },
              },
            ],
          },
        },
      });
      const target = await givenIam.user(app, account);
      const rest = app.rest(delegate);
      expect(
        (
          await rest.post(`/v1/iam/users/${target.userName}/attached-policies`, {
            policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          })
        ).status,
      ).toBe(204);
      expect(
        (
          await rest.post(`/v1/iam/users/${target.userName}/attached-policies`, {
            policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
          })
        ).status,
      ).toBe(403);
    });
  });
});

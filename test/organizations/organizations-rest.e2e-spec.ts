import {
  type CreateAccountRequest,
  type CreateOrganizationalUnitRequest,
  type CreateOrganizationRequest,
  type InviteAccountToOrganizationRequest,
  type MoveAccountRequest,
} from '@app/organizations';
import { given, type GivenOrganization, uniqueName } from '../support/given';
import { type TestCredentials } from '../support/credentials';
import { eventually, TestApp } from '../support/test-app';
import { restFailure } from './failures';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const CLOUDTRAIL = 'cloudtrail.amazonaws.com';

describe('Organizations over REST (/v1/organization, /v1/handshakes)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  async function organization(featureSet?: 'ALL' | 'CONSOLIDATED_BILLING'): Promise<GivenOrganization> {
    return given.organization(app, featureSet ? { featureSet } : {});
  }

  async function accountIds(org: GivenOrganization): Promise<string[]> {
    const response = await app.rest(org.management).get('/v1/organization/accounts');
    expect(response.status).toBe(200);
    return (response.body.accounts as Array<{ id: string }>).map((a) => a.id).sort();
  }

  async function invite(org: GivenOrganization, target: TestCredentials): Promise<string> {
    const response = await app.rest(org.management).post('/v1/handshakes', {
      target: { type: 'ACCOUNT', id: target.accountId },
    } satisfies InviteAccountToOrganizationRequest);
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  describe('the organization', () => {
    it('POST /v1/organization creates it (201) and GET /v1/organization describes it, to members too', async () => {
      const founder = await given.account(app);

      const created = await app
        .rest(founder)
        .post('/v1/organization', { featureSet: 'ALL' } satisfies CreateOrganizationRequest);

      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^o-[a-z0-9]{10,32}$/),
        arn: `arn:aws:organizations::${founder.accountId}:organization/${created.body.id}`,
        featureSet: 'ALL',
        masterAccountArn: `arn:aws:organizations::${founder.accountId}:account/${created.body.id}/${founder.accountId}`,
        masterAccountId: founder.accountId,
        masterAccountEmail: founder.email,
        availablePolicyTypes: [{ type: 'SERVICE_CONTROL_POLICY', status: 'ENABLED' }],
      });
      const roots = await app.rest(founder).get('/v1/organization/roots');
      const org = {
        id: created.body.id as string,
        rootId: roots.body.roots[0].id,
        featureSet: 'ALL' as const,
      };
      const member = await given.member(app, { ...org, management: founder });
      const described = await app.rest(member).get('/v1/organization');
      expect(described.status).toBe(200);
      expect(described.body).toEqual(created.body);
    });

    it('answers errors in the REST shape with the shared status table, and nothing changes', async () => {
      const org = await organization();
      const standalone = await given.account(app);

      const again = await app.rest(org.management).post('/v1/organization', {});
      expect(restFailure(again)).toEqual({ name: 'AlreadyInOrganizationException', status: 409 });
      expect(again.body.error.requestId).toBe(again.headers['x-amzn-requestid']);
      expect(restFailure(await app.rest(standalone).get('/v1/organization'))).toEqual({
        name: 'AWSOrganizationsNotInUseException',
        status: 404,
      });
      expect((await app.rest(org.management).get('/v1/organization')).body.id).toBe(org.id);
    });

    it.each([
      [{ featureSet: 'EVERYTHING' }, 'featureSet'],
      [{ featureSet: 'ALL', extra: 1 }, 'extra'],
    ])('refuses %p with a 400 ValidationException naming %s, creating nothing', async (body, field) => {
      const founder = await given.account(app);
      const response = await app.rest(founder).post('/v1/organization', body);
      expect(restFailure(response)).toEqual({ name: 'ValidationException', status: 400 });
      expect(response.body.error.message).toContain(field);
      expect((await app.rest(founder).get('/v1/organization')).status).toBe(404);
    });

    it('POST /v1/organization/enable-all-features answers the accepted handshake with ISO timestamps', async () => {
      const org = await organization('CONSOLIDATED_BILLING');

      const response = await app.rest(org.management).post('/v1/organization/enable-all-features');

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ action: 'ENABLE_ALL_FEATURES', state: 'ACCEPTED' });
      expect(response.body.requestedTimestamp).toMatch(ISO);
      expect((await app.rest(org.management).get('/v1/organization')).body.featureSet).toBe('ALL');
      const again = await app.rest(org.management).post('/v1/organization/enable-all-features');
      expect(restFailure(again)).toEqual({
        name: 'HandshakeConstraintViolationException',
        status: 409,
        reason: 'ORGANIZATION_ALREADY_HAS_ALL_FEATURES',
      });
    });

    it('GET /v1/organization/roots lists the root, with no policy type enabled until EnablePolicyType', async () => {
      const org = await organization();
      const response = await app.rest(org.management).get('/v1/organization/roots');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        roots: [
          {
            id: org.rootId,
            arn: `arn:aws:organizations::${org.management.accountId}:root/${org.id}/${org.rootId}`,
            name: 'Root',
            policyTypes: [],
          },
        ],
      });
    });

    it('DELETE /v1/organization answers 409 while members remain, then 204', async () => {
      const org = await organization();
      const member = await given.member(app, org);
      const sut = app.rest(org.management);

      expect(restFailure(await sut.delete('/v1/organization'))).toEqual({
        name: 'OrganizationNotEmptyException',
        status: 409,
      });
      expect((await sut.delete(`/v1/organization/accounts/${member.accountId}`)).status).toBe(204);
      const deleted = await sut.delete('/v1/organization');
      expect(deleted.status).toBe(204);
      expect(deleted.text).toBe('');
      expect(restFailure(await sut.get('/v1/organization'))).toMatchObject({
        name: 'AWSOrganizationsNotInUseException',
      });
    });

    it('answers 403 AccessDeniedException to a member changing the organization', async () => {
      const org = await organization();
      const member = await given.member(app, org);
      const sut = app.rest(member);

      for (const response of [
        await sut.delete('/v1/organization'),
        await sut.post('/v1/organization/units', { parentId: org.rootId, name: 'Rogue' }),
        await sut.put(`/v1/organization/service-access/${CLOUDTRAIL}`),
        await sut.get('/v1/organization/accounts'),
      ]) {
        expect(restFailure(response)).toEqual({ name: 'AccessDeniedException', status: 403 });
      }
      const management = app.rest(org.management);
      expect((await management.get('/v1/organization')).body.id).toBe(org.id);
      expect((await management.get(`/v1/organization/parents/${org.rootId}/units`)).body).toEqual({
        organizationalUnits: [],
      });
      expect((await management.get('/v1/organization/service-access')).body).toEqual({
        enabledServicePrincipals: [],
      });
      expect(await accountIds(org)).toEqual([org.management.accountId, member.accountId].sort());
    });
  });

  describe('member accounts', () => {
    it('POST /v1/organization/accounts starts a request (201) that completes asynchronously', async () => {
      const org = await organization();
      const sut = app.rest(org.management);
      const name = uniqueName('rest');

      const started = await sut.post('/v1/organization/accounts', {
        accountName: name,
        email: `${name}@example.com`,
      } satisfies CreateAccountRequest);

      expect(started.status).toBe(201);
      expect(started.body).toEqual({
        id: expect.stringMatching(/^car-/),
        accountName: name,
        state: 'IN_PROGRESS',
        requestedTimestamp: expect.stringMatching(ISO),
      });
      const done = await eventually(async () => {
        const status = await sut.get(`/v1/organization/create-account-status/${started.body.id}`);
        return status.body.state === 'IN_PROGRESS' ? undefined : status.body;
      });
      expect(done).toMatchObject({ state: 'SUCCEEDED', completedTimestamp: expect.stringMatching(ISO) });

      const account = await sut.get(`/v1/organization/accounts/${done.accountId}`);
      expect(account.status).toBe(200);
      expect(account.body).toEqual({
        id: done.accountId,
        arn: `arn:aws:organizations::${org.management.accountId}:account/${org.id}/${done.accountId}`,
        email: `${name}@example.com`,
        name,
        status: 'ACTIVE',
        state: 'ACTIVE',
        joinedMethod: 'CREATED',
        joinedTimestamp: expect.stringMatching(ISO),
      });
      const succeeded = await sut.get('/v1/organization/create-account-status?states=SUCCEEDED,FAILED');
      expect(succeeded.body.createAccountStatuses).toEqual([
        expect.objectContaining({ id: started.body.id }),
      ]);
      const inProgress = await sut.get('/v1/organization/create-account-status?states=IN_PROGRESS');
      expect(inProgress.body).toEqual({ createAccountStatuses: [] });
    });

    it('records EMAIL_ALREADY_EXISTS for an address in use', async () => {
      const org = await organization();
      const taken = await given.account(app);
      const sut = app.rest(org.management);

      const started = await sut.post('/v1/organization/accounts', { accountName: 'Dup', email: taken.email });
      const done = await eventually(async () => {
        const status = await sut.get(`/v1/organization/create-account-status/${started.body.id}`);
        return status.body.state === 'IN_PROGRESS' ? undefined : status.body;
      });

      expect(done).toMatchObject({ state: 'FAILED', failureReason: 'EMAIL_ALREADY_EXISTS' });
      expect(await accountIds(org)).toEqual([org.management.accountId]);
    });

    it('refuses a malformed body with a 400 ValidationException and records nothing', async () => {
      const org = await organization();
      const sut = app.rest(org.management);
      for (const body of [{ accountName: 'x' }, { accountName: 'x', email: 'x@example.com', roleName: 7 }]) {
        expect(restFailure(await sut.post('/v1/organization/accounts', body))).toEqual({
          name: 'ValidationException',
          status: 400,
        });
      }
      expect((await sut.get('/v1/organization/create-account-status')).body).toEqual({
        createAccountStatuses: [],
      });
    });

    it('GET /v1/organization/accounts pages with maxResults and nextToken, and refuses bad pages', async () => {
      const org = await organization();
      const members = await Promise.all([1, 2].map(() => given.member(app, org)));
      const sut = app.rest(org.management);

      const first = await sut.get('/v1/organization/accounts?maxResults=2');
      const second = await sut.get(
        `/v1/organization/accounts?maxResults=2&nextToken=${encodeURIComponent(first.body.nextToken)}`,
      );

      expect(first.body.accounts).toHaveLength(2);
      expect(second.body.nextToken).toBeUndefined();
      expect(
        [...first.body.accounts, ...second.body.accounts].map((a: { id: string }) => a.id).sort(),
      ).toEqual([org.management.accountId, ...members.map((m) => m.accountId)].sort());
      for (const query of ['maxResults=0', 'maxResults=21', 'maxResults=two', 'limit=3']) {
        expect(restFailure(await sut.get(`/v1/organization/accounts?${query}`))).toEqual({
          name: 'ValidationException',
          status: 400,
        });
      }
      expect(restFailure(await sut.get('/v1/organization/accounts?nextToken=forged.token'))).toEqual({
        name: 'InvalidInputException',
        status: 400,
        reason: 'INVALID_NEXT_TOKEN',
      });
    });

    it('DELETE /v1/organization/accounts/{id} removes a member (204); the management account cannot be removed', async () => {
      const org = await organization();
      const member = await given.member(app, org);
      const sut = app.rest(org.management);

      expect(restFailure(await sut.delete(`/v1/organization/accounts/${org.management.accountId}`))).toEqual({
        name: 'MasterCannotLeaveOrganizationException',
        status: 409,
      });
      expect(restFailure(await sut.get('/v1/organization/accounts/123'))).toEqual({
        name: 'InvalidInputException',
        status: 400,
        reason: 'INVALID_PATTERN',
      });
      expect((await sut.delete(`/v1/organization/accounts/${member.accountId}`)).status).toBe(204);
      expect(await accountIds(org)).toEqual([org.management.accountId]);
      expect(restFailure(await sut.get(`/v1/organization/accounts/${member.accountId}`))).toEqual({
        name: 'AccountNotFoundException',
        status: 404,
      });
    });

    it('POST /v1/organization/leave lets a member leave (204)', async () => {
      const org = await organization();
      const member = await given.member(app, org);

      expect((await app.rest(member).post('/v1/organization/leave')).status).toBe(204);

      expect(await accountIds(org)).toEqual([org.management.accountId]);
      expect(restFailure(await app.rest(org.management).post('/v1/organization/leave'))).toEqual({
        name: 'MasterCannotLeaveOrganizationException',
        status: 409,
      });
    });
  });

  describe('handshakes', () => {
    it('POST /v1/handshakes invites; the invitee lists, describes and accepts it', async () => {
      const org = await organization();
      const invitee = await given.account(app);

      const sent = await app
        .rest(org.management)
        .post('/v1/handshakes', { target: { type: 'EMAIL', id: invitee.email }, notes: 'hi' });

      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({
        id: expect.stringMatching(/^h-/),
        state: 'OPEN',
        action: 'INVITE',
        parties: [
          { id: org.id, type: 'ORGANIZATION' },
          { id: invitee.email, type: 'EMAIL' },
        ],
        requestedTimestamp: expect.stringMatching(ISO),
        expirationTimestamp: expect.stringMatching(ISO),
      });
      expect(sent.body.resources).toContainEqual({ type: 'NOTES', value: 'hi' });
      const inbox = await app.rest(invitee).get('/v1/handshakes?actionType=INVITE');
      expect(inbox.body).toEqual({ handshakes: [sent.body] });
      expect((await app.rest(invitee).get(`/v1/handshakes/${sent.body.id}`)).body).toEqual(sent.body);

      const accepted = await app.rest(invitee).post(`/v1/handshakes/${sent.body.id}/accept`);

      expect(accepted.status).toBe(200);
      expect(accepted.body.state).toBe('ACCEPTED');
      expect(await accountIds(org)).toContain(invitee.accountId);
    });

    it('declines and cancels invitations, refusing transitions out of a closed state', async () => {
      const org = await organization();
      const [declining, canceled] = await Promise.all([given.account(app), given.account(app)]);
      const declined = await invite(org, declining);
      const withdrawn = await invite(org, canceled);

      const decline = await app.rest(declining).post(`/v1/handshakes/${declined}/decline`);
      const cancel = await app.rest(org.management).post(`/v1/handshakes/${withdrawn}/cancel`);

      expect([decline.status, decline.body.state]).toEqual([200, 'DECLINED']);
      expect([cancel.status, cancel.body.state]).toEqual([200, 'CANCELED']);
      expect(restFailure(await app.rest(declining).post(`/v1/handshakes/${declined}/accept`))).toEqual({
        name: 'InvalidHandshakeTransitionException',
        status: 409,
      });
      expect(restFailure(await app.rest(canceled).post(`/v1/handshakes/${withdrawn}/cancel`))).toEqual({
        name: 'AccessDeniedException',
        status: 403,
      });
      expect(await accountIds(org)).toEqual([org.management.accountId]);
    });

    it('refuses bad invitations: duplicates, members elsewhere, malformed targets', async () => {
      const org = await organization();
      const other = await organization();
      const invitee = await given.account(app);
      await invite(org, invitee);
      const sut = app.rest(org.management);

      expect(
        restFailure(await sut.post('/v1/handshakes', { target: { type: 'ACCOUNT', id: invitee.accountId } })),
      ).toEqual({ name: 'DuplicateHandshakeException', status: 409 });
      expect(
        restFailure(
          await sut.post('/v1/handshakes', { target: { type: 'ACCOUNT', id: other.management.accountId } }),
        ),
      ).toEqual({
        name: 'HandshakeConstraintViolationException',
        status: 409,
        reason: 'ALREADY_IN_AN_ORGANIZATION',
      });
      // One input definition for both transports: a party type the model knows but invitations do
      // not take is refused by the use case, as on the AWS protocol.
      expect(
        restFailure(await sut.post('/v1/handshakes', { target: { type: 'ORGANIZATION', id: 'x' } })),
      ).toEqual({
        name: 'InvalidInputException',
        status: 400,
        reason: 'INVALID_PARTY_TYPE_TARGET',
      });
      expect(restFailure(await app.rest(invitee).get('/v1/handshakes/h-0123456789abcdef'))).toEqual({
        name: 'HandshakeNotFoundException',
        status: 404,
      });
    });
  });

  describe('organizational units and parents', () => {
    it('creates OUs, lists them per parent, moves an account and reports its parents', async () => {
      const org = await organization();
      const member = await given.member(app, org);
      const sut = app.rest(org.management);

      const ou = await sut.post('/v1/organization/units', {
        parentId: org.rootId,
        name: 'Prod',
      } satisfies CreateOrganizationalUnitRequest);

      expect(ou.status).toBe(201);
      expect(ou.body).toEqual({
        id: expect.stringMatching(/^ou-/),
        arn: `arn:aws:organizations::${org.management.accountId}:ou/${org.id}/${ou.body.id}`,
        name: 'Prod',
        path: `${org.id}/${org.rootId}/${ou.body.id}/`,
      });
      expect((await sut.get(`/v1/organization/units/${ou.body.id}`)).body).toEqual(ou.body);
      expect((await sut.get(`/v1/organization/parents/${org.rootId}/units`)).body).toEqual({
        organizationalUnits: [ou.body],
      });

      const moved = await sut.post(`/v1/organization/accounts/${member.accountId}/move`, {
        sourceParentId: org.rootId,
        destinationParentId: ou.body.id,
      } satisfies Omit<MoveAccountRequest, 'accountId'>);

      expect(moved.status).toBe(204);
      const inOu = await sut.get(`/v1/organization/parents/${ou.body.id}/accounts`);
      expect(inOu.body.accounts.map((a: { id: string }) => a.id)).toEqual([member.accountId]);
      expect((await sut.get(`/v1/organization/parents?childId=${member.accountId}`)).body).toEqual({
        parents: [{ id: ou.body.id, type: 'ORGANIZATIONAL_UNIT' }],
      });
      expect(
        restFailure(
          await sut.post(`/v1/organization/accounts/${member.accountId}/move`, {
            sourceParentId: org.rootId,
            destinationParentId: ou.body.id,
          }),
        ),
      ).toEqual({ name: 'SourceParentNotFoundException', status: 404 });
      expect(
        restFailure(await sut.post('/v1/organization/units', { parentId: org.rootId, name: 'Prod' })),
      ).toEqual({
        name: 'DuplicateOrganizationalUnitException',
        status: 409,
      });
      expect(restFailure(await sut.get('/v1/organization/parents'))).toEqual({
        name: 'ValidationException',
        status: 400,
      });
    });
  });

  describe('service access and delegated administrators', () => {
    it('enables trusted access, registers, lists and deregisters a delegated administrator', async () => {
      const org = await organization();
      const member = await given.member(app, org);
      const sut = app.rest(org.management);
      const registration = `/v1/organization/delegated-administrators/${member.accountId}/services/${CLOUDTRAIL}`;

      expect(restFailure(await sut.put(registration))).toEqual({
        name: 'ConstraintViolationException',
        status: 409,
        reason: 'SERVICE_ACCESS_NOT_ENABLED',
      });
      expect((await sut.put(`/v1/organization/service-access/${CLOUDTRAIL}`)).status).toBe(204);
      expect((await sut.get('/v1/organization/service-access')).body).toEqual({
        enabledServicePrincipals: [{ servicePrincipal: CLOUDTRAIL, dateEnabled: expect.stringMatching(ISO) }],
      });
      expect((await sut.put(registration)).status).toBe(204);

      const admins = await sut.get(
        `/v1/organization/delegated-administrators?servicePrincipal=${CLOUDTRAIL}`,
      );
      expect(admins.body).toEqual({
        delegatedAdministrators: [
          expect.objectContaining({
            id: member.accountId,
            delegationEnabledDate: expect.stringMatching(ISO),
          }),
        ],
      });
      const services = await sut.get(
        `/v1/organization/delegated-administrators/${member.accountId}/services`,
      );
      expect(services.body).toEqual({
        delegatedServices: [
          { servicePrincipal: CLOUDTRAIL, delegationEnabledDate: expect.stringMatching(ISO) },
        ],
      });
      expect(restFailure(await sut.put(registration))).toEqual({
        name: 'AccountAlreadyRegisteredException',
        status: 409,
      });
      expect(restFailure(await app.rest(member).post('/v1/organization/leave'))).toEqual({
        name: 'ConstraintViolationException',
        status: 409,
        reason: 'CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG',
      });

      expect((await sut.delete(registration)).status).toBe(204);
      expect((await sut.get('/v1/organization/delegated-administrators')).body).toEqual({
        delegatedAdministrators: [],
      });
      expect((await sut.delete(`/v1/organization/service-access/${CLOUDTRAIL}`)).status).toBe(204);
      expect((await sut.get('/v1/organization/service-access')).body).toEqual({
        enabledServicePrincipals: [],
      });
    });

    it('refuses an unknown service principal and the management account', async () => {
      const org = await organization();
      const sut = app.rest(org.management);
      expect(restFailure(await sut.put('/v1/organization/service-access/nothing.amazonaws.com'))).toEqual({
        name: 'InvalidInputException',
        status: 400,
        reason: 'UNRECOGNIZED_SERVICE_PRINCIPAL',
      });
      await sut.put(`/v1/organization/service-access/${CLOUDTRAIL}`);
      expect(
        restFailure(
          await sut.put(
            `/v1/organization/delegated-administrators/${org.management.accountId}/services/${CLOUDTRAIL}`,
          ),
        ),
      ).toEqual({
        name: 'ConstraintViolationException',
        status: 409,
        reason: 'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR',
      });
    });
  });

  it('documents every Organizations route in the OpenAPI document', async () => {
    const response = await fetch(`${app.url}/docs-json`);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/organization',
        '/v1/organization/enable-all-features',
        '/v1/organization/leave',
        '/v1/organization/roots',
        '/v1/organization/accounts',
        '/v1/organization/accounts/{accountId}',
        '/v1/organization/accounts/{accountId}/move',
        '/v1/organization/create-account-status',
        '/v1/organization/create-account-status/{createAccountRequestId}',
        '/v1/organization/units',
        '/v1/organization/units/{organizationalUnitId}',
        '/v1/organization/parents',
        '/v1/organization/parents/{parentId}/accounts',
        '/v1/organization/parents/{parentId}/units',
        '/v1/organization/service-access',
        '/v1/organization/service-access/{servicePrincipal}',
        '/v1/organization/delegated-administrators',
        '/v1/organization/delegated-administrators/{accountId}/services',
        '/v1/organization/delegated-administrators/{accountId}/services/{servicePrincipal}',
        '/v1/handshakes',
        '/v1/handshakes/{handshakeId}',
        '/v1/handshakes/{handshakeId}/accept',
        '/v1/handshakes/{handshakeId}/decline',
        '/v1/handshakes/{handshakeId}/cancel',
      ]),
    );
  });
});

import { expect } from '@jest/globals';
import { given, uniqueName } from '../../support/given';
import { type DocumentedCalls } from '../../support/openapi-document';
import { eventually, type TestApp } from '../../support/test-app';

const CLOUDTRAIL = 'cloudtrail.amazonaws.com';
const SCP = 'SERVICE_CONTROL_POLICY';

/**
 * Every Organizations REST operation (and CloudTrail's delegated administrators), called by the
 * accounts that may call it, each answer checked against the document by `calls`.
 */
export async function exerciseOrganizations(app: TestApp, calls: DocumentedCalls): Promise<void> {
  const [management, member, decliner, invitee, leaver] = await Promise.all(
    [1, 2, 3, 4, 5].map(() => given.account(app)),
  );
  const m = calls.as(management);
  await m.fails('GET', '/v1/organization', 'AWSOrganizationsNotInUseException');
  await m.ok('POST', '/v1/organization', { featureSet: 'ALL' });
  await m.ok('GET', '/v1/organization');
  const { roots } = await m.ok<{ roots: Array<{ id: string }> }>('GET', '/v1/organization/roots');
  const rootId = roots[0].id;
  await m.ok('PUT', `/v1/organization/service-access/${CLOUDTRAIL}`);
  await m.ok('GET', '/v1/organization/service-access');

  const invite = async (target: object): Promise<string> =>
    (await m.ok<{ id: string }>('POST', '/v1/handshakes', { target, notes: 'Join us' })).id;
  const accepted = await invite({ type: 'ACCOUNT', id: member.accountId });
  const joining = calls.as(member);
  await joining.ok('GET', '/v1/handshakes?actionType=INVITE');
  await joining.ok('GET', `/v1/handshakes/${accepted}`);
  await joining.ok('POST', `/v1/handshakes/${accepted}/accept`);
  await joining.fails('POST', `/v1/handshakes/${accepted}/accept`, 'HandshakeAlreadyInStateException');
  await calls
    .as(decliner)
    .ok('POST', `/v1/handshakes/${await invite({ type: 'EMAIL', id: decliner.email })}/decline`);
  await m.ok('POST', `/v1/handshakes/${await invite({ type: 'ACCOUNT', id: invitee.accountId })}/cancel`);
  await calls
    .as(leaver)
    .ok('POST', `/v1/handshakes/${await invite({ type: 'ACCOUNT', id: leaver.accountId })}/accept`);
  await calls.as(leaver).ok('POST', '/v1/organization/leave');

  const name = uniqueName('made').slice(0, 50);
  const request = await m.ok<{ id: string }>('POST', '/v1/organization/accounts', {
    email: `${name}@example.com`,
    accountName: name,
  });
  await m.ok('GET', '/v1/organization/create-account-status?states=IN_PROGRESS,SUCCEEDED');
  const made = await eventually(async () => {
    const status = await m.ok<{ state: string; accountId?: string }>(
      'GET',
      `/v1/organization/create-account-status/${request.id}`,
    );
    return status.state === 'IN_PROGRESS' ? undefined : status;
  });
  expect(made.state).toBe('SUCCEEDED');
  await m.ok('GET', '/v1/organization/accounts?maxResults=1');
  await m.ok('GET', `/v1/organization/accounts/${member.accountId}`);
  await m.fails('GET', '/v1/organization/accounts/999999999999', 'AccountNotFoundException');

  const unit = await m.ok<{ id: string }>('POST', '/v1/organization/units', {
    parentId: rootId,
    name: 'Security',
  });
  await m.ok('GET', `/v1/organization/units/${unit.id}`);
  await m.ok('PATCH', `/v1/organization/units/${unit.id}`, { name: 'SecOps' });
  await m.ok('GET', `/v1/organization/parents/${rootId}/children?childType=ORGANIZATIONAL_UNIT`);
  await m.ok('POST', `/v1/organization/tags/${unit.id}`, { tags: [{ key: 'team', value: 'sec' }] });
  await m.ok('GET', `/v1/organization/tags/${unit.id}`);
  await m.ok('DELETE', `/v1/organization/tags/${unit.id}?key=team`);
  await m.ok('GET', `/v1/organization/parents?childId=${member.accountId}`);
  await m.ok('GET', `/v1/organization/parents/${rootId}/accounts`);
  await m.ok('GET', `/v1/organization/parents/${rootId}/units`);
  await m.ok('POST', `/v1/organization/accounts/${member.accountId}/move`, {
    sourceParentId: rootId,
    destinationParentId: unit.id,
  });

  const delegation = `/v1/organization/delegated-administrators/${member.accountId}/services/${CLOUDTRAIL}`;
  await m.fails(
    'PUT',
    `/v1/organization/delegated-administrators/${management.accountId}/services/${CLOUDTRAIL}`,
    'ConstraintViolationException',
  );
  await m.ok('PUT', delegation);
  await m.ok('GET', `/v1/organization/delegated-administrators?servicePrincipal=${CLOUDTRAIL}`);
  await m.ok('GET', `/v1/organization/delegated-administrators/${member.accountId}/services`);
  await m.ok('DELETE', delegation);
  await m.ok('PUT', `/v1/cloudtrail/delegated-administrators/${member.accountId}`);
  await m.fails(
    'PUT',
    `/v1/cloudtrail/delegated-administrators/${member.accountId}`,
    'AccountRegisteredException',
  );
  await m.ok('DELETE', `/v1/cloudtrail/delegated-administrators/${member.accountId}`);

  const policy = await m.ok<{ policySummary: { id: string } }>('POST', '/v1/organization/policies', {
    name: uniqueName('deny-trail-deletion'),
    content: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 'cloudtrail:DeleteTrail', Resource: '*' }],
    }),
  });
  const policyId = policy.policySummary.id;
  await m.ok('GET', `/v1/organization/policies?filter=${SCP}`);
  await m.ok('GET', `/v1/organization/policies/${policyId}`);
  await m.ok('PATCH', `/v1/organization/policies/${policyId}`, { description: 'No trail deletion' });
  await m.ok('PUT', `/v1/organization/roots/${rootId}/policy-types/${SCP}`);
  await m.ok('PUT', `/v1/organization/policies/${policyId}/targets/${unit.id}`);
  await m.ok('GET', `/v1/organization/policies/${policyId}/targets`);
  await m.ok('GET', `/v1/organization/targets/${unit.id}/policies`);
  await m.fails('DELETE', `/v1/organization/policies/${policyId}`, 'PolicyInUseException');
  await m.ok('DELETE', `/v1/organization/policies/${policyId}/targets/${unit.id}`);
  await m.ok('DELETE', `/v1/organization/policies/${policyId}`);
  await m.ok('DELETE', `/v1/organization/roots/${rootId}/policy-types/${SCP}`);

  await m.ok('DELETE', `/v1/organization/service-access/${CLOUDTRAIL}`);
  await m.fails('DELETE', '/v1/organization', 'OrganizationNotEmptyException');
  await m.ok('DELETE', `/v1/organization/accounts/${member.accountId}`);
  await m.ok('DELETE', `/v1/organization/units/${unit.id}`);
  await m.ok('POST', `/v1/organization/accounts/${made.accountId}/close`);
  await m.ok('DELETE', `/v1/organization/accounts/${made.accountId}`);
  await m.ok('DELETE', '/v1/organization');

  const billing = calls.as(await given.account(app));
  await billing.ok('POST', '/v1/organization', { featureSet: 'CONSOLIDATED_BILLING' });
  await billing.ok('POST', '/v1/organization/enable-all-features');
}

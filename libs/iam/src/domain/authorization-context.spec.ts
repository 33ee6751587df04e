import { type Principal } from '@app/platform';
import { callerContext, requestPrincipal, withResource } from './authorization-context';

const now = new Date('2026-03-01T12:00:00.250Z');
const base = { region: 'eu-west-1', sourceIp: '203.0.113.10', secureTransport: true, now, principalTags: [] };

const root: Principal = {
  type: 'Root',
  accountId: '111122223333',
  arn: 'arn:aws:iam::111122223333:root',
  principalId: '111122223333',
  accessKeyId: 'AKIAROOT',
  isPartitionOperator: false,
};

const user: Principal = {
  type: 'IAMUser',
  accountId: '111122223333',
  arn: 'arn:aws:iam::111122223333:user/ops/alice',
  principalId: 'AIDAALICE',
  accessKeyId: 'AKIAALICE',
  userName: 'alice',
  isPartitionOperator: false,
};

const session: Principal = {
  type: 'AssumedRole',
  accountId: '111122223333',
  arn: 'arn:aws:sts::111122223333:assumed-role/Admin/s1',
  principalId: 'AROAADMIN:s1',
  accessKeyId: 'ASIASESSION',
  sessionIssuer: {
    type: 'Role',
    principalId: 'AROAADMIN',
    arn: 'arn:aws:iam::111122223333:role/Admin',
    accountId: '111122223333',
    userName: 'Admin',
  },
  sessionCreatedAt: new Date('2026-03-01T11:00:00Z'),
  isPartitionOperator: false,
};

describe(callerContext.name, () => {
  it('gives the root user type Account, its account as user id, and no user name', () => {
    expect(requestPrincipal(root)).toEqual({ arn: root.arn, account: '111122223333', type: 'Account' });
    expect(callerContext({ ...base, principal: root })).toEqual({
      'aws:PrincipalAccount': '111122223333',
      'aws:PrincipalArn': 'arn:aws:iam::111122223333:root',
      'aws:PrincipalType': 'Account',
      'aws:userid': '111122223333',
      'aws:RequestedRegion': 'eu-west-1',
      'aws:SourceIp': '203.0.113.10',
      'aws:CurrentTime': '2026-03-01T12:00:00Z',
      'aws:EpochTime': '1772366400',
      'aws:SecureTransport': 'true',
      'aws:ResourceAccount': '111122223333',
    });
  });

  it('adds the user name, the organization and the principal tags of a user', () => {
    const context = callerContext({
      ...base,
      principal: user,
      organizationId: 'o-abcdefghij',
      principalTags: [{ key: 'team', value: 'blue' }],
    });
    expect(context).toMatchObject({
      'aws:PrincipalType': 'User',
      'aws:username': 'alice',
      'aws:userid': 'AIDAALICE',
      'aws:PrincipalOrgID': 'o-abcdefghij',
      'aws:ResourceOrgID': 'o-abcdefghij',
      'aws:PrincipalTag/team': 'blue',
    });
    expect(context['aws:MultiFactorAuthPresent']).toBeUndefined();
  });

  it('names the role as aws:PrincipalArn of a session, with MFA absent and its issue time', () => {
    expect(callerContext({ ...base, principal: session })).toMatchObject({
      'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Admin',
      'aws:PrincipalType': 'AssumedRole',
      'aws:userid': 'AROAADMIN:s1',
      'aws:MultiFactorAuthPresent': 'false',
      'aws:TokenIssueTime': '2026-03-01T11:00:00Z',
    });
    expect(callerContext({ ...base, principal: session })['aws:username']).toBeUndefined();
  });

  it('switches the resource keys to another owner, with its tags', () => {
    const context = withResource(
      callerContext({ ...base, principal: user, organizationId: 'o-abcdefghij' }),
      {
        account: '444455556666',
        tags: [{ key: 'env', value: 'prod' }, { key: 'bare' }],
      },
    );
    expect(context['aws:ResourceAccount']).toBe('444455556666');
    expect(context['aws:ResourceOrgID']).toBeUndefined();
    expect(context['aws:ResourceTag/env']).toBe('prod');
    expect(context['aws:ResourceTag/bare']).toBe('');
  });
});

import {
  accessRoleTrustPolicy,
  planAccessSettings,
  toCreateAccountStatus,
  validateCreateAccountStates,
} from './create-account';

describe(planAccessSettings.name, () => {
  it('defaults to OrganizationAccountAccessRole with billing access allowed', () => {
    expect(planAccessSettings({})).toEqual({
      roleName: 'OrganizationAccountAccessRole',
      iamUserAccessToBilling: 'ALLOW',
    });
    expect(planAccessSettings({ roleName: 'Admin+Ops@x', iamUserAccessToBilling: 'DENY' })).toEqual({
      roleName: 'Admin+Ops@x',
      iamUserAccessToBilling: 'DENY',
    });
  });

  it.each([
    [{ roleName: '' }, 'INVALID_ROLE_NAME'],
    [{ roleName: 'has space' }, 'INVALID_ROLE_NAME'],
    [{ roleName: 'r'.repeat(65) }, 'INVALID_ROLE_NAME'],
    [{ iamUserAccessToBilling: 'MAYBE' }, 'INVALID_ENUM'],
  ])('rejects %p with InvalidInputException %s', (input, reason) => {
    expect(() => planAccessSettings(input)).toThrow(
      expect.objectContaining({ code: 'InvalidInputException', fields: { Reason: reason } }),
    );
  });
});

describe(validateCreateAccountStates.name, () => {
  it('keeps known states once and passes "no filter" through', () => {
    expect(validateCreateAccountStates(undefined)).toBeUndefined();
    expect(validateCreateAccountStates(['FAILED', 'FAILED', 'SUCCEEDED'])).toEqual(['FAILED', 'SUCCEEDED']);
  });

  it('rejects an unknown state', () => {
    expect(() => validateCreateAccountStates(['DONE'])).toThrow(
      expect.objectContaining({ fields: { Reason: 'INVALID_ENUM' } }),
    );
  });
});

describe(toCreateAccountStatus.name, () => {
  const request = {
    id: 'car-abcdefgh',
    organizationId: 'o-abcdefghij',
    accountName: 'Audit',
    email: 'audit@example.com',
    roleName: 'OrganizationAccountAccessRole',
    iamUserAccessToBilling: 'ALLOW' as const,
    tags: [],
    requestedAt: new Date('2025-01-01T00:00:00Z'),
  };

  it('omits what an unfinished request does not have yet', () => {
    expect(toCreateAccountStatus({ ...request, state: 'IN_PROGRESS' })).toEqual({
      id: 'car-abcdefgh',
      accountName: 'Audit',
      state: 'IN_PROGRESS',
      requestedTimestamp: request.requestedAt,
    });
  });

  it('reports the failure reason of a failed request', () => {
    const completedAt = new Date('2025-01-01T00:00:01Z');
    expect(
      toCreateAccountStatus({
        ...request,
        state: 'FAILED',
        failureReason: 'EMAIL_ALREADY_EXISTS',
        completedAt,
      }),
    ).toMatchObject({
      state: 'FAILED',
      failureReason: 'EMAIL_ALREADY_EXISTS',
      completedTimestamp: completedAt,
    });
  });
});

describe(accessRoleTrustPolicy.name, () => {
  it('trusts the management account root', () => {
    expect(JSON.stringify(accessRoleTrustPolicy('aws', '111122223333'))).toBe(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}',
    );
  });
});

import {
  assertCanDeregisterDelegatedAdministrator,
  assertCanRegisterDelegatedAdministrator,
  type RegistrationFacts,
} from './delegated-administrator-rules';

const eligible: RegistrationFacts = {
  servicePrincipal: 'cloudtrail.amazonaws.com',
  accountId: '444455556666',
  managementAccountId: '111122223333',
  featureSet: 'ALL',
  memberStatus: 'ACTIVE',
  serviceAccessEnabled: true,
  alreadyRegistered: false,
  registeredCount: 0,
};

function failure(facts: Partial<RegistrationFacts>): unknown {
  try {
    assertCanRegisterDelegatedAdministrator({ ...eligible, ...facts });
  } catch (error) {
    return error;
  }
  return undefined;
}

describe(assertCanRegisterDelegatedAdministrator.name, () => {
  it('accepts an active member when trusted access is on and there is room', () => {
    expect(failure({})).toBeUndefined();
    expect(failure({ registeredCount: 2 })).toBeUndefined();
  });

  it.each<[string, Partial<RegistrationFacts>, string, string | undefined]>([
    [
      'an unknown service',
      { servicePrincipal: 'nope.amazonaws.com' },
      'InvalidInputException',
      'UNRECOGNIZED_SERVICE_PRINCIPAL',
    ],
    [
      'the management account',
      { accountId: '111122223333' },
      'ConstraintViolationException',
      'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR',
    ],
    ['a non-member', { memberStatus: undefined }, 'AccountNotFoundException', undefined],
    [
      'a suspended member',
      { memberStatus: 'SUSPENDED' },
      'ConstraintViolationException',
      'CANNOT_REGISTER_SUSPENDED_ACCOUNT_AS_DELEGATED_ADMINISTRATOR',
    ],
    [
      'a consolidated-billing organization',
      { featureSet: 'CONSOLIDATED_BILLING' },
      'ConstraintViolationException',
      'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE',
    ],
    [
      'a service without trusted access',
      { serviceAccessEnabled: false },
      'ConstraintViolationException',
      'SERVICE_ACCESS_NOT_ENABLED',
    ],
    [
      'an account registered already',
      { alreadyRegistered: true, registeredCount: 1 },
      'AccountAlreadyRegisteredException',
      undefined,
    ],
    [
      'a fourth CloudTrail administrator',
      { registeredCount: 3 },
      'ConstraintViolationException',
      'MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED',
    ],
    [
      'a second GuardDuty administrator',
      { servicePrincipal: 'guardduty.amazonaws.com', registeredCount: 1 },
      'ConstraintViolationException',
      'MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED',
    ],
  ])('refuses %s', (_case, facts, code, reason) => {
    expect(failure(facts)).toMatchObject({ code, fields: reason === undefined ? {} : { Reason: reason } });
  });

  it('reports the management account before membership and trusted access', () => {
    expect(
      failure({ accountId: '111122223333', memberStatus: undefined, serviceAccessEnabled: false }),
    ).toMatchObject({
      fields: { Reason: 'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR' },
    });
  });

  it('reports an existing registration before the limit', () => {
    expect(failure({ alreadyRegistered: true, registeredCount: 3 })).toMatchObject({
      code: 'AccountAlreadyRegisteredException',
    });
  });
});

describe(assertCanDeregisterDelegatedAdministrator.name, () => {
  const facts = {
    servicePrincipal: 'cloudtrail.amazonaws.com',
    accountId: '444455556666',
    isMember: true,
    registered: true,
  };

  it('accepts a registered member', () => {
    expect(() => assertCanDeregisterDelegatedAdministrator(facts)).not.toThrow();
  });

  it('answers AccountNotFoundException for a non-member and AccountNotRegisteredException otherwise', () => {
    expect(() =>
      assertCanDeregisterDelegatedAdministrator({ ...facts, isMember: false, registered: false }),
    ).toThrow(expect.objectContaining({ code: 'AccountNotFoundException' }));
    expect(() => assertCanDeregisterDelegatedAdministrator({ ...facts, registered: false })).toThrow(
      expect.objectContaining({ code: 'AccountNotRegisteredException' }),
    );
  });
});

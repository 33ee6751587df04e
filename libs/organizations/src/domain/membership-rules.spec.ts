import { assertCanDepart, assertCanMove, hasRoomForAccount, type MoveFacts } from './membership-rules';

describe(hasRoomForAccount.name, () => {
  it('counts the management account toward the limit', () => {
    expect(hasRoomForAccount(9, 10)).toBe(true);
    expect(hasRoomForAccount(10, 10)).toBe(false);
  });
});

describe(assertCanDepart.name, () => {
  it('lets an ordinary member go', () => {
    expect(() =>
      assertCanDepart({ isManagementAccount: false, isDelegatedAdministrator: false }),
    ).not.toThrow();
  });

  it('keeps the management account with MasterCannotLeaveOrganizationException', () => {
    expect(() => assertCanDepart({ isManagementAccount: true, isDelegatedAdministrator: false })).toThrow(
      expect.objectContaining({ code: 'MasterCannotLeaveOrganizationException' }),
    );
  });

  it('keeps a delegated administrator until it is deregistered', () => {
    expect(() => assertCanDepart({ isManagementAccount: false, isDelegatedAdministrator: true })).toThrow(
      expect.objectContaining({
        code: 'ConstraintViolationException',
        fields: { Reason: 'CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG' },
      }),
    );
  });
});

describe(assertCanMove.name, () => {
  const move: MoveFacts = {
    accountId: '444455556666',
    currentParentId: 'r-ab12',
    sourceParentId: 'r-ab12',
    destinationParentId: 'ou-ab12-aaaaaaaa',
    sourceExists: true,
    destinationExists: true,
  };

  it('moves an account from its current parent to an existing one', () => {
    expect(() => assertCanMove(move)).not.toThrow();
  });

  it('treats a source that is not the current parent as not found', () => {
    expect(() => assertCanMove({ ...move, sourceParentId: 'ou-ab12-bbbbbbbb' })).toThrow(
      expect.objectContaining({ code: 'SourceParentNotFoundException' }),
    );
    expect(() => assertCanMove({ ...move, sourceExists: false })).toThrow(
      expect.objectContaining({ code: 'SourceParentNotFoundException' }),
    );
  });

  it('answers DestinationParentNotFoundException and DuplicateAccountException', () => {
    expect(() => assertCanMove({ ...move, destinationExists: false })).toThrow(
      expect.objectContaining({ code: 'DestinationParentNotFoundException' }),
    );
    expect(() => assertCanMove({ ...move, destinationParentId: 'r-ab12' })).toThrow(
      expect.objectContaining({ code: 'DuplicateAccountException' }),
    );
  });
});

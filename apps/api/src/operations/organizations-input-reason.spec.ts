import {
  AccountIdRequest,
  CreateAccountRequest,
  InviteAccountToOrganizationRequest,
  OrganizationsPageRequest,
} from '@app/organizations';
import { camelMembers } from '../aws-json/wire-members';
import { checkInput } from './input-check';
import { organizationsValidationReason } from './organizations-input-reason';
import { serviceInputError } from './service-input-errors';

/** The error an AWS JSON body answers when Organizations validates it (undefined when valid). */
async function failureOf(type: new () => object, body: object): Promise<unknown> {
  const wire = camelMembers(body as Record<string, unknown>);
  const { failures } = await checkInput(type, wire.members, false);
  if (failures.length === 0) return undefined;
  return serviceInputError('organizations', failures, wire.wireName);
}

describe(organizationsValidationReason.name, () => {
  it.each<[string, string | undefined, new () => object, object]>([
    ['a missing member', 'INPUT_REQUIRED', CreateAccountRequest, { Email: 'a@example.com' }],
    ['a missing member over a bad one', 'INPUT_REQUIRED', CreateAccountRequest, { Email: 'x' }],
    [
      'an unknown enum value',
      'INVALID_ENUM',
      CreateAccountRequest,
      { Email: 'a@example.com', AccountName: 'A', IamUserAccessToBilling: 'NO' },
    ],
    [
      'a nested enum value',
      'INVALID_ENUM',
      InviteAccountToOrganizationRequest,
      { Target: { Type: 'X', Id: '1' } },
    ],
    ['a short string', 'MIN_LENGTH_EXCEEDED', CreateAccountRequest, { Email: 'a@b.c', AccountName: 'A' }],
    ['a long string', 'MAX_LENGTH_EXCEEDED', AccountIdRequest, { AccountId: '1'.repeat(13) }],
    ['a small number', 'MIN_VALUE_EXCEEDED', OrganizationsPageRequest, { MaxResults: 0 }],
    ['a large number', 'MAX_VALUE_EXCEEDED', OrganizationsPageRequest, { MaxResults: 21 }],
    ['a pattern mismatch', 'INVALID_PATTERN', AccountIdRequest, { AccountId: '12345678901x' }],
    ['a value of the wrong type', undefined, OrganizationsPageRequest, { MaxResults: '5' }],
  ])('gives %s the reason %s', async (_case, reason, type, body) => {
    expect(await failureOf(type, body)).toMatchObject({
      code: 'InvalidInputException',
      fields: reason === undefined ? {} : { Reason: reason },
    });
  });

  it('lets valid input through without the members the model does not know', async () => {
    const { input, failures } = await checkInput(
      AccountIdRequest,
      camelMembers({ AccountId: '111122223333', Unknown: 1 }).members,
      false,
    );
    expect(failures).toEqual([]);
    expect(input).toEqual(Object.assign(new AccountIdRequest(), { accountId: '111122223333' }));
  });
});

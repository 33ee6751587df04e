import { validateAwsInput } from '../../http/validation';
import { AccountIdAwsRequest } from './account-id.aws-request';
import { CreateAccountAwsRequest } from './create-account.aws-request';
import { InviteAccountToOrganizationAwsRequest } from './invite-account-to-organization.aws-request';
import { organizationsValidationReason } from './organizations.aws-validation';
import { PageAwsRequest } from './page.aws-request';

async function failureOf(type: new () => object, body: object): Promise<unknown> {
  try {
    await validateAwsInput(type, body, 'InvalidInputException');
  } catch (error) {
    return error;
  }
  return undefined;
}

describe(organizationsValidationReason.name, () => {
  it.each<[string, string | undefined, new () => object, object]>([
    ['a missing member', 'INPUT_REQUIRED', CreateAccountAwsRequest, { Email: 'a@example.com' }],
    ['a missing member over a bad one', 'INPUT_REQUIRED', CreateAccountAwsRequest, { Email: 'x' }],
    [
      'an unknown enum value',
      'INVALID_ENUM',
      CreateAccountAwsRequest,
      { Email: 'a@example.com', AccountName: 'A', IamUserAccessToBilling: 'NO' },
    ],
    [
      'a nested enum value',
      'INVALID_ENUM',
      InviteAccountToOrganizationAwsRequest,
      { Target: { Type: 'X', Id: '1' } },
    ],
    ['a short string', 'MIN_LENGTH_EXCEEDED', CreateAccountAwsRequest, { Email: 'a@b.c', AccountName: 'A' }],
    ['a long string', 'MAX_LENGTH_EXCEEDED', AccountIdAwsRequest, { AccountId: '1'.repeat(13) }],
    ['a small number', 'MIN_VALUE_EXCEEDED', PageAwsRequest, { MaxResults: 0 }],
    ['a large number', 'MAX_VALUE_EXCEEDED', PageAwsRequest, { MaxResults: 21 }],
    ['a pattern mismatch', 'INVALID_PATTERN', AccountIdAwsRequest, { AccountId: '12345678901x' }],
    ['a value of the wrong type', undefined, PageAwsRequest, { MaxResults: '5' }],
  ])('gives %s the reason %s', async (_case, reason, type, body) => {
    expect(await failureOf(type, body)).toMatchObject({
      code: 'InvalidInputException',
      fields: reason === undefined ? {} : { Reason: reason },
    });
  });

  it('lets valid input through without the members the model does not know', async () => {
    const input = await validateAwsInput(
      AccountIdAwsRequest,
      { AccountId: '111122223333', Unknown: 1 },
      'InvalidInputException',
    );
    expect(input).toEqual(Object.assign(new AccountIdAwsRequest(), { AccountId: '111122223333' }));
  });
});

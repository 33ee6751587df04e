import { InvalidInputError } from './organization.errors';
import { type Tag } from './organization-tags';

/*
 * CreateAccount is asynchronous (cloudtrail.md §5): a request is recorded IN_PROGRESS and a job
 * creates the account, joins it and gives the management account a role to assume in it.
 */

export type CreateAccountState = 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
export type CreateAccountFailureReason = 'ACCOUNT_LIMIT_EXCEEDED' | 'EMAIL_ALREADY_EXISTS';
export type IamUserAccessToBilling = 'ALLOW' | 'DENY';

export const CREATE_ACCOUNT_STATES: readonly CreateAccountState[] = ['IN_PROGRESS', 'SUCCEEDED', 'FAILED'];
export const DEFAULT_ACCESS_ROLE_NAME = 'OrganizationAccountAccessRole';
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

export interface CreateAccountRequestRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly accountName: string;
  readonly email: string;
  readonly roleName: string;
  readonly iamUserAccessToBilling: IamUserAccessToBilling;
  /** The account's tags once it exists. */
  readonly tags: readonly Tag[];
  readonly state: CreateAccountState;
  readonly failureReason?: CreateAccountFailureReason;
  readonly accountId?: string;
  readonly requestedAt: Date;
  readonly completedAt?: Date;
}

export interface CreateAccountStatus {
  readonly id: string;
  readonly accountName: string;
  readonly state: CreateAccountState;
  readonly requestedTimestamp: Date;
  readonly completedTimestamp?: Date;
  readonly accountId?: string;
  readonly failureReason?: CreateAccountFailureReason;
}

/** The optional parts of a CreateAccount request, defaulted and checked. */
export interface AccessSettings {
  readonly roleName: string;
  readonly iamUserAccessToBilling: IamUserAccessToBilling;
}

export function planAccessSettings(input: {
  roleName?: string;
  iamUserAccessToBilling?: string;
}): AccessSettings {
  const roleName = input.roleName ?? DEFAULT_ACCESS_ROLE_NAME;
  if (!ROLE_NAME.test(roleName)) {
    throw new InvalidInputError(
      'INVALID_ROLE_NAME',
      'The role name must be 1 to 64 letters, digits or the characters +=,.@_-.',
    );
  }
  const billing = input.iamUserAccessToBilling ?? 'ALLOW';
  if (billing !== 'ALLOW' && billing !== 'DENY') {
    throw new InvalidInputError('INVALID_ENUM', 'IamUserAccessToBilling must be ALLOW or DENY.');
  }
  return { roleName, iamUserAccessToBilling: billing };
}

export function validateCreateAccountStates(
  states: readonly string[] | undefined,
): CreateAccountState[] | undefined {
  if (states === undefined) return undefined;
  const bad = states.find((s) => !CREATE_ACCOUNT_STATES.includes(s as CreateAccountState));
  if (bad !== undefined) {
    throw new InvalidInputError('INVALID_ENUM', `States must be among ${CREATE_ACCOUNT_STATES.join(', ')}.`);
  }
  return [...new Set(states as CreateAccountState[])];
}

export function toCreateAccountStatus(request: CreateAccountRequestRecord): CreateAccountStatus {
  return {
    id: request.id,
    accountName: request.accountName,
    state: request.state,
    requestedTimestamp: request.requestedAt,
    ...(request.completedAt === undefined ? {} : { completedTimestamp: request.completedAt }),
    ...(request.accountId === undefined ? {} : { accountId: request.accountId }),
    ...(request.failureReason === undefined ? {} : { failureReason: request.failureReason }),
  };
}

// A type alias, not an interface, so that it is assignable to a plain JSON document type.
export type AssumeRoleTrustPolicy = {
  readonly Version: '2012-10-17';
  readonly Statement: ReadonlyArray<{
    readonly Effect: 'Allow';
    readonly Principal: { readonly AWS: string };
    readonly Action: 'sts:AssumeRole';
  }>;
};

/** The access role of a created account trusts the management account (its root and, by policy, its principals). */
export function accessRoleTrustPolicy(partition: string, managementAccountId: string): AssumeRoleTrustPolicy {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:${partition}:iam::${managementAccountId}:root` },
        Action: 'sts:AssumeRole',
      },
    ],
  };
}

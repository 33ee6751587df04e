import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CreateAccountStatus, type MemberAccount, type Page } from '@app/organizations';
import { nextTokenOf } from './organization.response';

export class AccountResponse {
  @ApiProperty({ example: '111122223333' }) id!: string;
  @ApiProperty() arn!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['ACTIVE', 'SUSPENDED'], description: 'Deprecated by AWS in favour of state.' })
  status!: string;
  @ApiProperty({ enum: ['ACTIVE', 'SUSPENDED'] }) state!: string;
  @ApiProperty({ enum: ['INVITED', 'CREATED'] }) joinedMethod!: string;
  @ApiProperty({ format: 'date-time' }) joinedTimestamp!: string;
}

export class AccountListResponse {
  @ApiProperty({ type: [AccountResponse] }) accounts!: AccountResponse[];
  @ApiPropertyOptional() nextToken?: string;
}

export class CreateAccountStatusResponse {
  @ApiProperty({ example: 'car-exampleid0123' }) id!: string;
  @ApiProperty() accountName!: string;
  @ApiProperty({ enum: ['IN_PROGRESS', 'SUCCEEDED', 'FAILED'] }) state!: string;
  @ApiProperty({ format: 'date-time' }) requestedTimestamp!: string;
  @ApiPropertyOptional({ format: 'date-time' }) completedTimestamp?: string;
  @ApiPropertyOptional() accountId?: string;
  @ApiPropertyOptional({ enum: ['ACCOUNT_LIMIT_EXCEEDED', 'EMAIL_ALREADY_EXISTS'] }) failureReason?: string;
}

export class CreateAccountStatusListResponse {
  @ApiProperty({ type: [CreateAccountStatusResponse] }) createAccountStatuses!: CreateAccountStatusResponse[];
  @ApiPropertyOptional() nextToken?: string;
}

export function toAccountResponse(account: MemberAccount): AccountResponse {
  return {
    id: account.id,
    arn: account.arn,
    email: account.email,
    name: account.name,
    status: account.status,
    state: account.state,
    joinedMethod: account.joinedMethod,
    joinedTimestamp: account.joinedTimestamp.toISOString(),
  };
}

export function toAccountListResponse(page: Page<MemberAccount>): AccountListResponse {
  return { accounts: page.items.map(toAccountResponse), ...nextTokenOf(page) };
}

export function toCreateAccountStatusResponse(status: CreateAccountStatus): CreateAccountStatusResponse {
  return {
    id: status.id,
    accountName: status.accountName,
    state: status.state,
    requestedTimestamp: status.requestedTimestamp.toISOString(),
    ...(status.completedTimestamp === undefined
      ? {}
      : { completedTimestamp: status.completedTimestamp.toISOString() }),
    ...(status.accountId === undefined ? {} : { accountId: status.accountId }),
    ...(status.failureReason === undefined ? {} : { failureReason: status.failureReason }),
  };
}

export function toCreateAccountStatusListResponse(
  page: Page<CreateAccountStatus>,
): CreateAccountStatusListResponse {
  return { createAccountStatuses: page.items.map(toCreateAccountStatusResponse), ...nextTokenOf(page) };
}

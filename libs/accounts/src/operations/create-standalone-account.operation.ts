import { ApiProperty } from '@nestjs/swagger';
import { defineOperation } from '@app/platform';
import { IsEmail, IsString, Length } from 'class-validator';
import { type AccountDetails } from '../domain/account';
import { CreateStandaloneAccountUseCase } from '../use-cases/create-standalone-account.use-case';

export class CreateStandaloneAccountRequest implements AccountDetails {
  @ApiProperty({ example: 'Audit', minLength: 1, maxLength: 50 }) @IsString() @Length(1, 50) name!: string;
  @ApiProperty({ example: 'audit@example.com', minLength: 6, maxLength: 64 })
  @IsString()
  @Length(6, 64)
  @IsEmail()
  email!: string;
}

/** The partition operator creates a standalone account; its root secret is in this answer only. */
export const CreateStandaloneAccount = defineOperation({
  service: 'trailplane',
  name: 'CreateAccount',
  readOnly: false,
  input: CreateStandaloneAccountRequest,
  useCase: CreateStandaloneAccountUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (account) => ({ ...account }),
  // Callers other than the partition operator are refused; a name, e-mail or e-mail already used is invalid.
  errors: ['AccessDeniedException', 'ValidationException'],
});

import { ApiProperty } from '@nestjs/swagger';

/* REST answers of STS: temporary credentials and the caller's identity. */

export class TemporaryCredentialsResponse {
  @ApiProperty({ example: 'ASIAEXAMPLE' }) accessKeyId!: string;
  @ApiProperty({ description: 'Shown in this answer only' }) secretAccessKey!: string;
  @ApiProperty({ description: 'Sent as `X-Amz-Security-Token` with every signed request' })
  sessionToken!: string;
  @ApiProperty() expiration!: Date;
}

export class AssumedRoleUserResponse {
  @ApiProperty({ example: 'AROAEXAMPLE:audit-session' }) assumedRoleId!: string;
  @ApiProperty({ example: 'arn:aws:sts::111122223333:assumed-role/Auditor/audit-session' }) arn!: string;
}

export class AssumeRoleResponse {
  @ApiProperty({ type: TemporaryCredentialsResponse }) credentials!: TemporaryCredentialsResponse;
  @ApiProperty({ type: AssumedRoleUserResponse }) assumedRoleUser!: AssumedRoleUserResponse;
}

export class SessionTokenResponse {
  @ApiProperty({ type: TemporaryCredentialsResponse }) credentials!: TemporaryCredentialsResponse;
}

export class CallerIdentityResponse {
  @ApiProperty({ example: 'AIDAEXAMPLE' }) userId!: string;
  @ApiProperty({ example: '111122223333' }) account!: string;
  @ApiProperty({ example: 'arn:aws:iam::111122223333:user/alice' }) arn!: string;
}

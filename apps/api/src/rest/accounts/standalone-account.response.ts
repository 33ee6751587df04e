import { ApiProperty } from '@nestjs/swagger';

/** A new standalone account and its root user's credentials. */
export class StandaloneAccountResponse {
  @ApiProperty({ example: '111122223333' }) accountId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ example: 'AKIAEXAMPLE' }) accessKeyId!: string;
  @ApiProperty({ description: 'The root secret access key: shown in this answer only' })
  secretAccessKey!: string;
}

import { IsDefined, IsString, Matches, MaxLength } from 'class-validator';
import { ORGANIZATIONS_PATTERNS, OrganizationsAwsRequest } from './organizations.aws-validation';

/** `{HandshakeId}`: AcceptHandshake, DeclineHandshake, CancelHandshake, DescribeHandshake. */
export class HandshakeIdAwsRequest extends OrganizationsAwsRequest {
  @IsDefined()
  @IsString()
  @MaxLength(34)
  @Matches(ORGANIZATIONS_PATTERNS.handshakeId)
  HandshakeId!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type Handshake, type HandshakeResource, type Page } from '@app/organizations';
import { nextTokenOf } from './organization.response';

export class HandshakePartyResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['ACCOUNT', 'ORGANIZATION', 'EMAIL'] }) type!: string;
}

export class HandshakeResourceResponse {
  @ApiProperty({ example: 'MASTER_EMAIL' }) type!: string;
  @ApiProperty() value!: string;
  @ApiPropertyOptional({ type: () => [HandshakeResourceResponse] }) resources?: HandshakeResourceResponse[];
}

export class HandshakeResponse {
  @ApiProperty({ example: 'h-exampleid0123' }) id!: string;
  @ApiProperty() arn!: string;
  @ApiProperty({ type: [HandshakePartyResponse] }) parties!: HandshakePartyResponse[];
  @ApiProperty({ enum: ['REQUESTED', 'OPEN', 'CANCELED', 'ACCEPTED', 'DECLINED', 'EXPIRED'] }) state!: string;
  @ApiProperty({ format: 'date-time' }) requestedTimestamp!: string;
  @ApiProperty({ format: 'date-time' }) expirationTimestamp!: string;
  @ApiProperty({ enum: ['INVITE', 'ENABLE_ALL_FEATURES'] }) action!: string;
  @ApiProperty({ type: [HandshakeResourceResponse] }) resources!: HandshakeResourceResponse[];
}

export class HandshakeListResponse {
  @ApiProperty({ type: [HandshakeResponse] }) handshakes!: HandshakeResponse[];
  @ApiPropertyOptional() nextToken?: string;
}

function toHandshakeResourceResponse(resource: HandshakeResource): HandshakeResourceResponse {
  return {
    type: resource.type,
    value: resource.value,
    ...(resource.resources === undefined
      ? {}
      : { resources: resource.resources.map(toHandshakeResourceResponse) }),
  };
}

export function toHandshakeResponse(handshake: Handshake): HandshakeResponse {
  return {
    id: handshake.id,
    arn: handshake.arn,
    parties: handshake.parties.map((party) => ({ id: party.id, type: party.type })),
    state: handshake.state,
    requestedTimestamp: handshake.requestedTimestamp.toISOString(),
    expirationTimestamp: handshake.expirationTimestamp.toISOString(),
    action: handshake.action,
    resources: handshake.resources.map(toHandshakeResourceResponse),
  };
}

export function toHandshakeListResponse(page: Page<Handshake>): HandshakeListResponse {
  return { handshakes: page.items.map(toHandshakeResponse), ...nextTokenOf(page) };
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type HandshakeAction, type HandshakeState, type InviteTargetType } from '../domain/handshake';

@Entity({ name: 'handshakes' })
export class HandshakeEntity {
  @PrimaryColumn('text') id!: string;
  @Column({ name: 'organization_id', type: 'text' }) organizationId!: string;
  @Column('text') action!: HandshakeAction;
  @Column('text') state!: HandshakeState;
  @Column({ name: 'target_account_id', type: 'char', length: 12 }) targetAccountId!: string;
  @Column({ name: 'target_type', type: 'text' }) targetType!: InviteTargetType;
  @Column({ name: 'target_email', type: 'text', nullable: true }) targetEmail!: string | null;
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
}

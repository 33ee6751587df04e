import { Column, Entity, PrimaryColumn } from 'typeorm';
import {
  type CreateAccountFailureReason,
  type CreateAccountState,
  type IamUserAccessToBilling,
} from '../domain/create-account';

@Entity({ name: 'create_account_requests' })
export class CreateAccountRequestEntity {
  @PrimaryColumn('text') id!: string;
  @Column({ name: 'organization_id', type: 'text' }) organizationId!: string;
  @Column({ name: 'account_name', type: 'text' }) accountName!: string;
  @Column('text') email!: string;
  @Column({ name: 'role_name', type: 'text' }) roleName!: string;
  @Column({ name: 'iam_user_access_to_billing', type: 'text' })
  iamUserAccessToBilling!: IamUserAccessToBilling;
  @Column('text') state!: CreateAccountState;
  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: CreateAccountFailureReason | null;
  @Column({ name: 'account_id', type: 'char', length: 12, nullable: true }) accountId!: string | null;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt!: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
}

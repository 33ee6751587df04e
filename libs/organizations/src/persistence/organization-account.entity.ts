import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type JoinedMethod } from '../domain/organization';

/** Membership: an account belongs to at most one organization (the primary key settles races). */
@Entity({ name: 'organization_accounts' })
export class OrganizationAccountEntity {
  @PrimaryColumn({ name: 'account_id', type: 'char', length: 12 }) accountId!: string;
  @Column({ name: 'organization_id', type: 'text' }) organizationId!: string;
  @Column({ name: 'parent_id', type: 'text' }) parentId!: string;
  @Column({ name: 'joined_method', type: 'text' }) joinedMethod!: JoinedMethod;
  @Column({ name: 'joined_at', type: 'timestamptz' }) joinedAt!: Date;
}

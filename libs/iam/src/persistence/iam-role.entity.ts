import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type PolicyDocument } from '../domain/iam-role';

@Entity({ name: 'iam_roles' })
export class IamRoleEntity {
  @PrimaryColumn('text') id!: string;
  @Column({ name: 'account_id', type: 'char', length: 12 }) accountId!: string;
  @Column('text') name!: string;
  @Column('text') path!: string;
  @Column({ name: 'trust_policy', type: 'jsonb' }) trustPolicy!: PolicyDocument;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ name: 'max_session_seconds', type: 'integer' }) maxSessionSeconds!: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'access_keys' })
export class AccessKeyEntity {
  @PrimaryColumn('text') id!: string;
  @Column({ name: 'account_id', type: 'char', length: 12 }) accountId!: string;
  @Column({ name: 'principal_kind', type: 'text' }) principalKind!: 'root' | 'user';
  @Column({ name: 'user_name', type: 'text', nullable: true }) userName!: string | null;
  @Column({ name: 'user_id', type: 'text', nullable: true }) userId!: string | null;
  @Column({ name: 'secret_sealed', type: 'text' }) secretSealed!: string;
  @Column('text') status!: 'Active' | 'Inactive';
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

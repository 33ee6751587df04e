import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type FeatureSet } from '../domain/organization';

@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryColumn('text') id!: string;
  @Column({ name: 'management_account_id', type: 'char', length: 12 }) managementAccountId!: string;
  @Column({ name: 'feature_set', type: 'text' }) featureSet!: FeatureSet;
  @Column({ name: 'root_id', type: 'text' }) rootId!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

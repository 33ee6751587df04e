import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'organizational_units' })
export class OrganizationalUnitEntity {
  @PrimaryColumn('text') id!: string;
  @Column({ name: 'organization_id', type: 'text' }) organizationId!: string;
  @Column({ name: 'parent_id', type: 'text' }) parentId!: string;
  @Column('text') name!: string;
  @Column('integer') depth!: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'delegated_administrators' })
export class DelegatedAdministratorEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'text' }) organizationId!: string;
  @PrimaryColumn({ name: 'service_principal', type: 'text' }) servicePrincipal!: string;
  @PrimaryColumn({ name: 'account_id', type: 'char', length: 12 }) accountId!: string;
  @Column({ name: 'delegated_at', type: 'timestamptz' }) delegatedAt!: Date;
}

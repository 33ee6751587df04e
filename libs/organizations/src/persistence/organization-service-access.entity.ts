import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Trusted access: a service principal enabled for the organization. */
@Entity({ name: 'organization_service_access' })
export class OrganizationServiceAccessEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'text' }) organizationId!: string;
  @PrimaryColumn({ name: 'service_principal', type: 'text' }) servicePrincipal!: string;
  @Column({ name: 'enabled_at', type: 'timestamptz' }) enabledAt!: Date;
}

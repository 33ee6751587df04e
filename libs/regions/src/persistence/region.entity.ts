import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'regions' })
export class RegionEntity {
  @PrimaryColumn('text') name!: string;
  @Column({ name: 'opt_in', type: 'boolean' }) optIn!: boolean;
  @Column({ name: 'launched_at', type: 'timestamptz' }) launchedAt!: Date;
}

@Entity({ name: 'account_regions' })
export class AccountRegionEntity {
  @PrimaryColumn({ name: 'account_id', type: 'char', length: 12 }) accountId!: string;
  @PrimaryColumn('text') region!: string;
  @Column({ name: 'enabled_at', type: 'timestamptz' }) enabledAt!: Date;
}

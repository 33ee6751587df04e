import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'accounts' })
export class AccountEntity {
  @PrimaryColumn({ type: 'char', length: 12 }) id!: string;
  @Column('text') name!: string;
  @Column('text') email!: string;
  @Column('text') status!: 'ACTIVE' | 'SUSPENDED';
  @Column({ name: 'is_operator', type: 'boolean' }) isOperator!: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('organiser')
export class Organiser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  @Column('text', { select: false })
  passwordHash!: string;

  /** May create organiser accounts; says nothing about any conference (roles are per conference). */
  @Column('boolean', { default: false })
  isPlatformAdmin!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('organiser_session')
export class OrganiserSession {
  @Column('text', { primary: true })
  tokenHash!: string;

  @Column('uuid')
  organiserId!: string;

  @Column('timestamptz')
  expiresAt!: Date;

  /** Sessions idle longer than SESSION_IDLE_MINUTES end; touched at most once a minute. */
  @Column('timestamptz')
  lastSeenAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('password_reset')
export class PasswordReset {
  @Column('text', { primary: true })
  tokenHash!: string;

  @Column('uuid')
  organiserId!: string;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  usedAt!: Date | null;

  @Column('timestamptz')
  createdAt!: Date;
}

@Entity('api_token')
export class ApiToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organiserId!: string;

  @Column('text')
  name!: string;

  @Column('text', { select: false })
  tokenHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  lastUsedAt!: Date | null;
}

@Entity('app_secret')
export class AppSecret {
  @Column('text', { primary: true })
  name!: string;

  @Column('text')
  value!: string;
}

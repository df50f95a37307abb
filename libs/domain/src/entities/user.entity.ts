import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { Role } from '../access/role';
import { TenantEntity } from './base.entity';
import { Department } from './department.entity';

/** A person who logs in. Usernames are unique per ente. */
@Entity({ tableName: 'app_user' })
@Unique({ properties: ['ente', 'username'] })
export class User extends TenantEntity {
  @Property({ type: 'text' })
  username!: string;

  @Property({ type: 'text' })
  displayName!: string;

  /** `scrypt$N$r$p$salt$hash`, never the password. */
  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Enum({ items: () => Role })
  role!: Role;

  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt?: Date;

  /** Set when an administrator reset the password: the user must choose a new one at next login. */
  @Property({ type: 'boolean', default: false })
  mustChangePassword: boolean & Opt = false;
}

/** A department a DEPARTMENT_HEAD answers for. */
@Entity({ tableName: 'user_department' })
@Unique({ properties: ['user', 'department'] })
export class UserDepartment extends TenantEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @ManyToOne(() => Department, { ref: true, deleteRule: 'cascade', index: true })
  department!: Ref<Department>;
}

/** A long-lived, revocable, read-only token for an auditor's tools. Only its hash is stored. */
@Entity({ tableName: 'api_token' })
@Index({ properties: ['user'] })
export class ApiToken extends TenantEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'text' })
  name!: string;

  /** SHA-256 of the secret part, hex. */
  @Property({ type: 'text', hidden: true })
  @Unique()
  secretHash!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  expiresAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date;
}

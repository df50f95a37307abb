import { Entity, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { User } from './user.entity';

/**
 * A login: every access token names its session, so logging out, changing the password or
 * deactivating the user ends it at once, not when the token would expire.
 */
@Entity({ tableName: 'user_session' })
@Index({ properties: ['user', 'revokedAt'] })
export class UserSession extends TenantEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;

  /** Why it ended: `logout`, `password-change`, `password-reset`, `deactivated`. */
  @Property({ type: 'text', nullable: true })
  revokedReason?: string;

  /** The client's user agent at login, truncated; shown to the user, never used for security. */
  @Property({ type: 'text', nullable: true })
  userAgent?: string;
}

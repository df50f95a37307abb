import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { ActBody, ActKind } from '../enums';
import { TenantEntity } from './base.entity';

/** A formal act (deliberazione, decisione, determinazione, …) that approves or amends something. */
@Entity({ tableName: 'act' })
@Unique({ properties: ['ente', 'body', 'kind', 'number', 'date'] })
@Index({ properties: ['ente', 'date'] })
export class Act extends TenantEntity {
  @Enum({ items: () => ActBody })
  body!: ActBody;

  @Enum({ items: () => ActKind })
  kind!: ActKind;

  @Property({ type: 'text' })
  number!: string;

  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'text' })
  subject!: string;
}

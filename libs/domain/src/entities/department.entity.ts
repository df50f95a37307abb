import { ArrayType, Entity, Enum, Index, type Opt, Property, Unique } from '@mikro-orm/core';
import { DepartmentKind } from '../enums';
import { TenantEntity } from './base.entity';

/** A department of the ente (settore, dipartimento, …) with the spelling variants seen in sources. */
@Entity({ tableName: 'department' })
@Unique({ properties: ['ente', 'code'] })
@Unique({ properties: ['ente', 'name'] })
@Index({ name: 'department_aliases_gin', expression: 'create index "department_aliases_gin" on "department" using gin ("aliases")' })
export class Department extends TenantEntity {
  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => DepartmentKind })
  kind!: DepartmentKind;

  @Property({ type: new ArrayType(), columnType: 'text[]', default: '{}' })
  aliases: string[] & Opt = [];
}

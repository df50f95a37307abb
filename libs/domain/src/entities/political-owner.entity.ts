import { Check, Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { OwnerRole } from '../enums';
import { TenantEntity } from './base.entity';

/** A political owner (responsabile politico): a role plus a person, or a collective body. */
@Entity({ tableName: 'political_owner' })
@Unique({ name: 'political_owner_role_person_unique', expression: 'create unique index "political_owner_role_person_unique" on "political_owner" ("ente_id", "role", coalesce("person_name", \'\'))' })
@Check({ name: 'political_owner_person_check', expression: "role = 'GIUNTA' or person_name is not null" })
export class PoliticalOwner extends TenantEntity {
  @Enum({ items: () => OwnerRole })
  role!: OwnerRole;

  @Property({ type: 'text', nullable: true })
  personName?: string;
}

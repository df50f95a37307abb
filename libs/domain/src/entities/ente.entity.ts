import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** A municipality (or any local authority) that owns a plan. */
@Entity({ tableName: 'ente' })
export class Ente {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  /** ISTAT code, six digits for a comune. */
  @Property({ type: 'text' })
  @Unique()
  istatCode!: string;

  /** Issuing-office block printed on report covers, one entry per line. */
  @Property({ type: new ArrayType(), columnType: 'text[]', default: '{}' })
  issuingOffice: string[] & Opt = [];
}

import { randomUUID } from 'node:crypto';
import { ManyToOne, PrimaryKey, type Ref } from '@mikro-orm/core';
import { Ente } from './ente.entity';

/** Every tenant-owned row carries its ente, so several municipalities can share one deployment. */
export abstract class TenantEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Ente, { ref: true, deleteRule: 'cascade', index: true })
  ente!: Ref<Ente>;
}

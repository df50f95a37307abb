import { Migration } from '@mikro-orm/migrations';

export class Migration20261204145721_UserSessions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "user_session" ("id" uuid not null, "ente_id" uuid not null, "user_id" uuid not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_reason" text null, "user_agent" text null, constraint "user_session_pkey" primary key ("id"));`);
    this.addSql(`create index "user_session_ente_id_index" on "user_session" ("ente_id");`);
    this.addSql(`create index "user_session_user_id_revoked_at_index" on "user_session" ("user_id", "revoked_at");`);

    this.addSql(`alter table "user_session" add constraint "user_session_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_session" add constraint "user_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "user_session" cascade;`);
  }

}

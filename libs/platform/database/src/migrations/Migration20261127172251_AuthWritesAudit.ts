import { Migration } from '@mikro-orm/migrations';

export class Migration20261127172251_AuthWritesAudit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" ("id" bigserial primary key, "ente_id" uuid not null, "occurred_at" timestamptz not null default clock_timestamp(), "actor_user_id" uuid null, "actor" text not null, "actor_role" text null, "via" text not null, "operation" text not null, "entity_type" text not null, "entity_id" text not null, "period_id" uuid null, "before" jsonb null, "after" jsonb null, "request_id" text null);`);
    this.addSql(`create index "audit_entry_period_id_occurred_at_index" on "audit_entry" ("period_id", "occurred_at");`);
    this.addSql(`create index "audit_entry_actor_user_id_occurred_at_index" on "audit_entry" ("actor_user_id", "occurred_at");`);
    this.addSql(`create index "audit_entry_entity_type_entity_id_index" on "audit_entry" ("entity_type", "entity_id");`);
    this.addSql(`create index "audit_entry_ente_id_occurred_at_index" on "audit_entry" ("ente_id", "occurred_at");`);

    this.addSql(`create table "department_review" ("id" uuid not null, "ente_id" uuid not null, "period_id" uuid not null, "department_id" uuid not null, "state" text check ("state" in ('SUBMITTED', 'RETURNED', 'ACCEPTED')) not null, "comment" text null, "submitted_by" text not null, "submitted_at" timestamptz not null, "reviewed_by" text null, "reviewed_at" timestamptz null, "version" int not null default 1, constraint "department_review_pkey" primary key ("id"));`);
    this.addSql(`create index "department_review_ente_id_index" on "department_review" ("ente_id");`);
    this.addSql(`alter table "department_review" add constraint "department_review_period_id_department_id_unique" unique ("period_id", "department_id");`);

    this.addSql(`create table "indicator_result_version" ("id" uuid not null, "ente_id" uuid not null, "result_id" uuid not null, "version" int not null, "text" text not null, "value" numeric(20,4) null, "unit" text null, "status" text check ("status" in ('REPORTED', 'DEFERRED', 'NOT_YET_APPLICABLE', 'SUSPENDED', 'EMPTY')) not null, "deferred_to" date null, "author" text not null, "created_at" timestamptz not null default now(), constraint "indicator_result_version_pkey" primary key ("id"));`);
    this.addSql(`create index "indicator_result_version_ente_id_index" on "indicator_result_version" ("ente_id");`);
    this.addSql(`alter table "indicator_result_version" add constraint "indicator_result_version_result_id_version_unique" unique ("result_id", "version");`);

    this.addSql(`create table "goal_status_version" ("id" uuid not null, "ente_id" uuid not null, "status_id" uuid not null, "version" int not null, "narrative" text not null, "as_of_label" text not null, "declared_state" text check ("declared_state" in ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'DEFERRED', 'SUSPENDED', 'CANCELLED')) null, "percent_complete" numeric(5,2) null, "deferred_to" date null, "deferral_text" text null, "author" text not null, "created_at" timestamptz not null default now(), constraint "goal_status_version_pkey" primary key ("id"));`);
    this.addSql(`create index "goal_status_version_ente_id_index" on "goal_status_version" ("ente_id");`);
    this.addSql(`alter table "goal_status_version" add constraint "goal_status_version_status_id_version_unique" unique ("status_id", "version");`);

    this.addSql(`create table "goal_contribution" ("id" uuid not null, "ente_id" uuid not null, "goal_id" uuid not null, "period_id" uuid not null, "department_id" uuid not null, "text" text not null, "version" int not null default 1, "author" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "goal_contribution_pkey" primary key ("id"), constraint goal_contribution_version_check check (version > 0));`);
    this.addSql(`create index "goal_contribution_ente_id_index" on "goal_contribution" ("ente_id");`);
    this.addSql(`create index "goal_contribution_period_id_department_id_index" on "goal_contribution" ("period_id", "department_id");`);
    this.addSql(`alter table "goal_contribution" add constraint "goal_contribution_goal_id_period_id_department_id_unique" unique ("goal_id", "period_id", "department_id");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "ente_id" uuid not null, "username" text not null, "display_name" text not null, "password_hash" text not null, "role" text check ("role" in ('ADMIN', 'PLANNING_OFFICE', 'DEPARTMENT_HEAD', 'COUNCIL_MEMBER', 'AUDITOR')) not null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "last_login_at" timestamptz null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`create index "app_user_ente_id_index" on "app_user" ("ente_id");`);
    this.addSql(`alter table "app_user" add constraint "app_user_ente_id_username_unique" unique ("ente_id", "username");`);

    this.addSql(`create table "api_token" ("id" uuid not null, "ente_id" uuid not null, "user_id" uuid not null, "name" text not null, "secret_hash" text not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "api_token_pkey" primary key ("id"));`);
    this.addSql(`create index "api_token_ente_id_index" on "api_token" ("ente_id");`);
    this.addSql(`alter table "api_token" add constraint "api_token_secret_hash_unique" unique ("secret_hash");`);
    this.addSql(`create index "api_token_user_id_index" on "api_token" ("user_id");`);

    this.addSql(`create table "user_department" ("id" uuid not null, "ente_id" uuid not null, "user_id" uuid not null, "department_id" uuid not null, constraint "user_department_pkey" primary key ("id"));`);
    this.addSql(`create index "user_department_ente_id_index" on "user_department" ("ente_id");`);
    this.addSql(`create index "user_department_department_id_index" on "user_department" ("department_id");`);
    this.addSql(`alter table "user_department" add constraint "user_department_user_id_department_id_unique" unique ("user_id", "department_id");`);

    this.addSql(`alter table "audit_entry" add constraint "audit_entry_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "department_review" add constraint "department_review_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "department_review" add constraint "department_review_period_id_foreign" foreign key ("period_id") references "reporting_period" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "department_review" add constraint "department_review_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "indicator_result_version" add constraint "indicator_result_version_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "indicator_result_version" add constraint "indicator_result_version_result_id_foreign" foreign key ("result_id") references "indicator_result" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "goal_status_version" add constraint "goal_status_version_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "goal_status_version" add constraint "goal_status_version_status_id_foreign" foreign key ("status_id") references "goal_status" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "goal_contribution" add constraint "goal_contribution_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "goal_contribution" add constraint "goal_contribution_goal_id_foreign" foreign key ("goal_id") references "goal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "goal_contribution" add constraint "goal_contribution_period_id_foreign" foreign key ("period_id") references "reporting_period" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "goal_contribution" add constraint "goal_contribution_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "app_user" add constraint "app_user_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_token" add constraint "api_token_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "api_token" add constraint "api_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_department" add constraint "user_department_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_department" add constraint "user_department_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_department" add constraint "user_department_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete cascade;`);

    // The audit trail is append-only for everyone, the application's own role included.
    this.addSql(`create function "audit_entry_refuse_change"() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_entry è in sola aggiunta: % non consentito [AUDIT_IMMUTABLE]', tg_op
          using errcode = 'insufficient_privilege';
      end
    $$;`);
    this.addSql(`create trigger "audit_entry_no_update_delete" before update or delete on "audit_entry"
      for each row execute function "audit_entry_refuse_change"();`);
    this.addSql(`create trigger "audit_entry_no_truncate" before truncate on "audit_entry"
      for each statement execute function "audit_entry_refuse_change"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "api_token" drop constraint "api_token_user_id_foreign";`);

    this.addSql(`alter table "user_department" drop constraint "user_department_user_id_foreign";`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop function if exists "audit_entry_refuse_change"();`);

    this.addSql(`drop table if exists "department_review" cascade;`);

    this.addSql(`drop table if exists "indicator_result_version" cascade;`);

    this.addSql(`drop table if exists "goal_status_version" cascade;`);

    this.addSql(`drop table if exists "goal_contribution" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "api_token" cascade;`);

    this.addSql(`drop table if exists "user_department" cascade;`);
  }

}

import { Migration } from '@mikro-orm/migrations';

/**
 * Period revisions and frozen reports (issue 18). The life cycle becomes OPEN → COLLECTION_CLOSED
 * → IN_REVIEW → NOTED_BY_GIUNTA → APPROVED_BY_COUNCIL: a period that was CLOSED (data final,
 * waiting for the Giunta) is now IN_REVIEW, the state that precedes the Giunta's act. Frozen
 * reports are never rewritten: a trigger refuses UPDATE, as on audit_entry.
 */
export class Migration20261204190211_PeriodRevisionsFrozenReports extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "period_reopening" ("id" uuid not null, "ente_id" uuid not null, "period_id" uuid not null, "closed_revision" int not null, "previous_state" text check ("previous_state" in ('PLANNED', 'OPEN', 'COLLECTION_CLOSED', 'IN_REVIEW', 'NOTED_BY_GIUNTA', 'APPROVED_BY_COUNCIL')) not null, "noted_by_id" uuid null, "approved_by_id" uuid null, "reason" text not null, "reopened_by" text not null, "reopened_at" timestamptz not null default now(), constraint "period_reopening_pkey" primary key ("id"));`);
    this.addSql(`create index "period_reopening_ente_id_index" on "period_reopening" ("ente_id");`);
    this.addSql(`alter table "period_reopening" add constraint "period_reopening_period_id_closed_revision_unique" unique ("period_id", "closed_revision");`);

    this.addSql(`create table "frozen_report" ("id" uuid not null, "ente_id" uuid not null, "period_id" uuid not null, "revision" int not null, "scope" text not null, "format" text not null, "file_name" text not null, "bytes" bytea not null, "size_bytes" int not null, "page_count" int null, "sha256" text not null, "approved_by_id" uuid not null, "frozen_at" timestamptz not null default now(), constraint "frozen_report_pkey" primary key ("id"));`);
    this.addSql(`create index "frozen_report_ente_id_index" on "frozen_report" ("ente_id");`);
    this.addSql(`create index "frozen_report_ente_id_sha256_index" on "frozen_report" ("ente_id", "sha256");`);
    this.addSql(`alter table "frozen_report" add constraint "frozen_report_period_id_revision_scope_format_unique" unique ("period_id", "revision", "scope", "format");`);

    this.addSql(`alter table "period_reopening" add constraint "period_reopening_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "period_reopening" add constraint "period_reopening_period_id_foreign" foreign key ("period_id") references "reporting_period" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "period_reopening" add constraint "period_reopening_noted_by_id_foreign" foreign key ("noted_by_id") references "act" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "period_reopening" add constraint "period_reopening_approved_by_id_foreign" foreign key ("approved_by_id") references "act" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "frozen_report" add constraint "frozen_report_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "frozen_report" add constraint "frozen_report_period_id_foreign" foreign key ("period_id") references "reporting_period" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "frozen_report" add constraint "frozen_report_approved_by_id_foreign" foreign key ("approved_by_id") references "act" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "reporting_period" drop constraint if exists "reporting_period_state_check";`);
    this.addSql(`update "reporting_period" set "state" = 'IN_REVIEW' where "state" = 'CLOSED';`);

    this.addSql(`alter table "reporting_period" add column "revision" int not null default 1;`);
    this.addSql(`alter table "reporting_period" add constraint "reporting_period_state_check" check("state" in ('PLANNED', 'OPEN', 'COLLECTION_CLOSED', 'IN_REVIEW', 'NOTED_BY_GIUNTA', 'APPROVED_BY_COUNCIL'));`);
    this.addSql(`alter table "reporting_period" add constraint reporting_period_revision_check check(revision > 0);`);

    this.addSql(`create function frozen_report_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'frozen_report rows are never updated: a reopened period freezes a new revision';
      end $$;`);
    this.addSql(`create trigger "frozen_report_immutable" before update on "frozen_report" for each row execute function frozen_report_immutable();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "period_reopening" cascade;`);

    this.addSql(`drop table if exists "frozen_report" cascade;`);
    this.addSql(`drop function if exists frozen_report_immutable();`);

    this.addSql(`alter table "reporting_period" drop constraint if exists "reporting_period_state_check";`);

    this.addSql(`alter table "reporting_period" drop constraint reporting_period_revision_check;`);
    this.addSql(`alter table "reporting_period" drop column "revision";`);

    this.addSql(`update "reporting_period" set "state" = 'IN_REVIEW' where "state" = 'COLLECTION_CLOSED';`);
    this.addSql(`alter table "reporting_period" add constraint "reporting_period_state_check" check("state" in ('PLANNED', 'OPEN', 'IN_REVIEW', 'CLOSED', 'NOTED_BY_GIUNTA', 'APPROVED_BY_COUNCIL'));`);
  }

}

import { Migration } from '@mikro-orm/migrations';

/**
 * Configurable texts of the status report. One text per key for the edition (period null) and
 * one per key and period: a null period is its own scope, hence the coalesce in the unique
 * index. The texts change what reports show, so writes bump plan_data_version like plan data.
 */
export class Migration20261127191922_ReportTexts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "report_text" ("id" uuid not null, "ente_id" uuid not null, "edition_id" uuid not null, "period_id" uuid null, "key" text check ("key" in ('mandateIntro', 'normativeFramework', 'editionHistory', 'internalControls', 'statusIntro')) not null, "markdown" text not null, "updated_by" text not null, constraint "report_text_pkey" primary key ("id"));`);
    this.addSql(`create index "report_text_ente_id_index" on "report_text" ("ente_id");`);
    this.addSql(`create unique index "report_text_scope_key_unique" on "report_text" ("edition_id", coalesce("period_id", '00000000-0000-0000-0000-000000000000'::uuid), "key");`);
    this.addSql(`create index "report_text_edition_id_index" on "report_text" ("edition_id");`);

    this.addSql(`alter table "report_text" add constraint "report_text_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "report_text" add constraint "report_text_edition_id_foreign" foreign key ("edition_id") references "plan_edition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "report_text" add constraint "report_text_period_id_foreign" foreign key ("period_id") references "reporting_period" ("id") on update cascade on delete cascade;`);
    this.addSql(`create trigger "report_text_plan_data_version" after insert or update or delete or truncate on "report_text" for each statement execute function plan_data_version_trigger();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "report_text" cascade;`);
  }

}

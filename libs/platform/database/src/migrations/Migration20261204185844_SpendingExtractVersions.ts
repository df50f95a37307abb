import { Migration } from '@mikro-orm/migrations';

/**
 * Spending tables become versioned loads: `spending_extract` is one load of a period's table
 * (file SHA-256, file name, who, when) and `spending_row` belongs to a load instead of to the
 * period. The rows already there (from the seed) become version 1 of their period, with the
 * SHA-256 of their canonical text, so no figure is lost or changed.
 */
export class Migration20261204185844_SpendingExtractVersions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "spending_extract" ("id" uuid not null, "ente_id" uuid not null, "period_id" uuid not null, "version" int not null, "sha256" text not null, "file_name" text not null, "loaded_by" text not null, "loaded_at" timestamptz not null default now(), "row_count" int not null, constraint "spending_extract_pkey" primary key ("id"));`);
    this.addSql(`create index "spending_extract_ente_id_index" on "spending_extract" ("ente_id");`);
    this.addSql(`alter table "spending_extract" add constraint "spending_extract_period_id_version_unique" unique ("period_id", "version");`);
    this.addSql(`alter table "spending_extract" add constraint "spending_extract_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "spending_extract" add constraint "spending_extract_period_id_foreign" foreign key ("period_id") references "reporting_period" ("id") on update cascade on delete cascade;`);
    // Spending is progress, not plan structure: a load bumps only the data version.
    this.addSql(`create trigger "spending_extract_plan_data_version" after insert or update or delete or truncate on "spending_extract" for each statement execute function plan_progress_version_trigger();`);
    this.addSql(`drop trigger "spending_row_plan_data_version" on "spending_row";`);
    this.addSql(`create trigger "spending_row_plan_data_version" after insert or update or delete or truncate on "spending_row" for each statement execute function plan_progress_version_trigger();`);

    // Existing rows (the seed's) become version 1 of their period.
    this.addSql(`insert into "spending_extract" ("id", "ente_id", "period_id", "version", "sha256", "file_name", "loaded_by", "row_count")
      select gen_random_uuid(), r.ente_id, r.period_id, 1,
             encode(sha256(convert_to(string_agg(r.programme_id || ';' || r.assestato || ';' || r.impegnato || ';' || r.liquidato_competenza || ';' || r.residui_passivi || ';' || r.liquidato_residui, E'\\n' order by r.programme_id), 'UTF8')), 'hex'),
             'dati iniziali', 'migrazione', count(*)
      from "spending_row" r group by r.ente_id, r.period_id;`);
    this.addSql(`alter table "spending_row" add column "extract_id" uuid null;`);
    this.addSql(`update "spending_row" r set "extract_id" = x."id" from "spending_extract" x where x."period_id" = r."period_id";`);
    this.addSql(`alter table "spending_row" alter column "extract_id" set not null;`);
    this.addSql(`alter table "spending_row" drop constraint "spending_row_period_id_programme_id_unique";`);
    this.addSql(`alter table "spending_row" drop constraint "spending_row_period_id_foreign";`);
    this.addSql(`alter table "spending_row" drop column "period_id";`);
    this.addSql(`alter table "spending_row" add constraint "spending_row_extract_id_foreign" foreign key ("extract_id") references "spending_extract" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "spending_row" add constraint "spending_row_extract_id_programme_id_unique" unique ("extract_id", "programme_id");`);
  }

  override async down(): Promise<void> {
    // Back to one table per period: the latest version of each period is kept.
    this.addSql(`alter table "spending_row" add column "period_id" uuid null;`);
    this.addSql(`update "spending_row" r set "period_id" = x."period_id" from "spending_extract" x where x."id" = r."extract_id";`);
    this.addSql(`delete from "spending_row" r using "spending_extract" x where x."id" = r."extract_id" and x."version" < (select max(y."version") from "spending_extract" y where y."period_id" = x."period_id");`);
    this.addSql(`alter table "spending_row" alter column "period_id" set not null;`);
    this.addSql(`alter table "spending_row" drop constraint "spending_row_extract_id_programme_id_unique";`);
    this.addSql(`alter table "spending_row" drop constraint "spending_row_extract_id_foreign";`);
    this.addSql(`alter table "spending_row" drop column "extract_id";`);
    this.addSql(`alter table "spending_row" add constraint "spending_row_period_id_foreign" foreign key ("period_id") references "reporting_period" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "spending_row" add constraint "spending_row_period_id_programme_id_unique" unique ("period_id", "programme_id");`);
    this.addSql(`drop trigger "spending_row_plan_data_version" on "spending_row";`);
    this.addSql(`create trigger "spending_row_plan_data_version" after insert or update or delete or truncate on "spending_row" for each statement execute function plan_data_version_trigger();`);
    this.addSql(`drop table if exists "spending_extract" cascade;`);
  }

}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261127170027_Initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "ente" ("id" uuid not null, "name" text not null, "istat_code" text not null, "issuing_office" text[] not null default '{}', constraint "ente_pkey" primary key ("id"));`);
    this.addSql(`alter table "ente" add constraint "ente_istat_code_unique" unique ("istat_code");`);

    this.addSql(`create table "department" ("id" uuid not null, "ente_id" uuid not null, "code" text not null, "name" text not null, "kind" text check ("kind" in ('SETTORE', 'DIPARTIMENTO', 'DIREZIONE', 'ALTRO')) not null, "aliases" text[] not null default '{}', constraint "department_pkey" primary key ("id"));`);
    this.addSql(`create index "department_ente_id_index" on "department" ("ente_id");`);
    this.addSql(`create index "department_aliases_gin" on "department" using gin ("aliases");`);
    this.addSql(`alter table "department" add constraint "department_ente_id_name_unique" unique ("ente_id", "name");`);
    this.addSql(`alter table "department" add constraint "department_ente_id_code_unique" unique ("ente_id", "code");`);

    this.addSql(`create table "act" ("id" uuid not null, "ente_id" uuid not null, "body" text check ("body" in ('CONSIGLIO', 'GIUNTA', 'SINDACO', 'DIRIGENTE', 'SEGRETARIO', 'ALTRO')) not null, "kind" text check ("kind" in ('DELIBERAZIONE', 'DECISIONE', 'DETERMINAZIONE', 'DECRETO', 'ORDINANZA', 'ALTRO')) not null, "number" text not null, "date" date not null, "subject" text not null, constraint "act_pkey" primary key ("id"));`);
    this.addSql(`create index "act_ente_id_index" on "act" ("ente_id");`);
    this.addSql(`create index "act_ente_id_date_index" on "act" ("ente_id", "date");`);
    this.addSql(`alter table "act" add constraint "act_ente_id_body_kind_number_date_unique" unique ("ente_id", "body", "kind", "number", "date");`);

    this.addSql(`create table "mandate" ("id" uuid not null, "ente_id" uuid not null, "title" text not null, "start_year" smallint not null, "end_year" smallint not null, "mayor" text not null, "approved_by_id" uuid null, constraint "mandate_pkey" primary key ("id"), constraint mandate_years_check check (end_year >= start_year));`);
    this.addSql(`create index "mandate_ente_id_index" on "mandate" ("ente_id");`);
    this.addSql(`alter table "mandate" add constraint "mandate_ente_id_start_year_unique" unique ("ente_id", "start_year");`);

    this.addSql(`create table "mandate_line" ("id" uuid not null, "ente_id" uuid not null, "mandate_id" uuid not null, "number" smallint not null, "title" text not null, "alternate_titles" text[] not null default '{}', "description" text not null default '', constraint "mandate_line_pkey" primary key ("id"), constraint mandate_line_number_check check (number > 0));`);
    this.addSql(`create index "mandate_line_ente_id_index" on "mandate_line" ("ente_id");`);
    this.addSql(`alter table "mandate_line" add constraint "mandate_line_mandate_id_number_unique" unique ("mandate_id", "number");`);

    this.addSql(`create table "mission" ("code" text not null, "name" text null, constraint "mission_pkey" primary key ("code"), constraint mission_code_check check (code ~ '^[0-9]{2}\$'));`);

    this.addSql(`create table "plan_edition" ("id" uuid not null, "ente_id" uuid not null, "mandate_id" uuid not null, "code" text not null, "title" text not null, "start_year" smallint not null, "end_year" smallint not null, constraint "plan_edition_pkey" primary key ("id"), constraint plan_edition_years_check check (end_year >= start_year));`);
    this.addSql(`create index "plan_edition_ente_id_index" on "plan_edition" ("ente_id");`);
    this.addSql(`alter table "plan_edition" add constraint "plan_edition_ente_id_code_unique" unique ("ente_id", "code");`);

    this.addSql(`create table "edition_act" ("id" uuid not null, "ente_id" uuid not null, "edition_id" uuid not null, "act_id" uuid not null, "role" text check ("role" in ('DRAFT', 'APPROVAL', 'REAPPROVAL', 'POLICY', 'STATUS_REPORT_NOTE', 'STATUS_REPORT_APPROVAL', 'OTHER')) not null, "note" text null, constraint "edition_act_pkey" primary key ("id"));`);
    this.addSql(`create index "edition_act_ente_id_index" on "edition_act" ("ente_id");`);
    this.addSql(`alter table "edition_act" add constraint "edition_act_edition_id_act_id_role_unique" unique ("edition_id", "act_id", "role");`);

    this.addSql(`create table "amendment" ("id" uuid not null, "ente_id" uuid not null, "edition_id" uuid not null, "act_id" uuid not null, "effective_date" date not null, "description" text not null, constraint "amendment_pkey" primary key ("id"));`);
    this.addSql(`create index "amendment_ente_id_index" on "amendment" ("ente_id");`);
    this.addSql(`create index "amendment_edition_id_effective_date_index" on "amendment" ("edition_id", "effective_date");`);
    this.addSql(`alter table "amendment" add constraint "amendment_edition_id_act_id_unique" unique ("edition_id", "act_id");`);

    this.addSql(`create table "political_owner" ("id" uuid not null, "ente_id" uuid not null, "role" text check ("role" in ('SINDACO', 'VICE_SINDACO', 'ASSESSORE', 'GIUNTA', 'CONSIGLIERE_DELEGATO', 'ALTRO')) not null, "person_name" text null, constraint "political_owner_pkey" primary key ("id"), constraint political_owner_person_check check (role = 'GIUNTA' or person_name is not null));`);
    this.addSql(`create index "political_owner_ente_id_index" on "political_owner" ("ente_id");`);
    this.addSql(`create unique index "political_owner_role_person_unique" on "political_owner" ("ente_id", "role", coalesce("person_name", ''));`);

    this.addSql(`create table "programme" ("id" text not null, "mission_code" text not null, "code" text not null, "name" text not null, "confirmed" boolean not null default true, "source" text not null default '', constraint "programme_pkey" primary key ("id"), constraint programme_code_check check (code ~ '^[0-9]{2}\$'));`);
    this.addSql(`alter table "programme" add constraint "programme_mission_code_code_unique" unique ("mission_code", "code");`);

    this.addSql(`create table "reporting_period" ("id" uuid not null, "ente_id" uuid not null, "edition_id" uuid not null, "cutoff_date" date not null, "kind" text check ("kind" in ('MID_YEAR', 'YEAR_END')) not null, "state" text check ("state" in ('PLANNED', 'OPEN', 'IN_REVIEW', 'CLOSED', 'NOTED_BY_GIUNTA', 'APPROVED_BY_COUNCIL')) not null, "noted_by_id" uuid null, "approved_by_id" uuid null, constraint "reporting_period_pkey" primary key ("id"));`);
    this.addSql(`create index "reporting_period_ente_id_index" on "reporting_period" ("ente_id");`);
    this.addSql(`create index "reporting_period_ente_id_cutoff_date_index" on "reporting_period" ("ente_id", "cutoff_date");`);
    this.addSql(`alter table "reporting_period" add constraint "reporting_period_edition_id_cutoff_date_unique" unique ("edition_id", "cutoff_date");`);

    this.addSql(`create table "spending_row" ("id" uuid not null, "ente_id" uuid not null, "period_id" uuid not null, "programme_id" text not null, "assestato" numeric(15,2) not null, "impegnato" numeric(15,2) not null, "liquidato_competenza" numeric(15,2) not null, "residui_passivi" numeric(15,2) not null, "liquidato_residui" numeric(15,2) not null, constraint "spending_row_pkey" primary key ("id"), constraint spending_row_non_negative_check check (assestato >= 0 and impegnato >= 0 and liquidato_competenza >= 0 and residui_passivi >= 0 and liquidato_residui >= 0));`);
    this.addSql(`create index "spending_row_ente_id_index" on "spending_row" ("ente_id");`);
    this.addSql(`create index "spending_row_programme_id_index" on "spending_row" ("programme_id");`);
    this.addSql(`alter table "spending_row" add constraint "spending_row_period_id_programme_id_unique" unique ("period_id", "programme_id");`);

    this.addSql(`create table "strategic_direction" ("id" uuid not null, "ente_id" uuid not null, "line_id" uuid not null, "position" smallint not null, "text" text not null, constraint "strategic_direction_pkey" primary key ("id"));`);
    this.addSql(`create index "strategic_direction_ente_id_index" on "strategic_direction" ("ente_id");`);
    this.addSql(`alter table "strategic_direction" add constraint "strategic_direction_line_id_position_unique" unique ("line_id", "position");`);

    this.addSql(`create table "strategic_objective" ("id" uuid not null, "ente_id" uuid not null, "edition_id" uuid not null, "line_id" uuid not null, "code" text not null, "title" text not null, "alternate_titles" text[] not null default '{}', "description" text not null default '', "partecipate" text null, "introduced_by_id" uuid null, constraint "strategic_objective_pkey" primary key ("id"), constraint strategic_objective_code_check check (code ~ '^[0-9]+\\.[0-9]{2}\$'));`);
    this.addSql(`create index "strategic_objective_ente_id_index" on "strategic_objective" ("ente_id");`);
    this.addSql(`create index "strategic_objective_edition_id_line_id_index" on "strategic_objective" ("edition_id", "line_id");`);
    this.addSql(`alter table "strategic_objective" add constraint "strategic_objective_edition_id_code_unique" unique ("edition_id", "code");`);

    this.addSql(`create table "operational_objective" ("id" uuid not null, "ente_id" uuid not null, "edition_id" uuid not null, "strategic_objective_id" uuid not null, "code" text not null, "title" text not null, "alternate_titles" text[] not null default '{}', "owner_label" text not null default '', "goals_heading" text null, "introduced_by_id" uuid null, constraint "operational_objective_pkey" primary key ("id"), constraint operational_objective_code_check check (code ~ '^[0-9]+\\.[0-9]{2}\\.[0-9]{2}\$'));`);
    this.addSql(`create index "operational_objective_ente_id_index" on "operational_objective" ("ente_id");`);
    this.addSql(`create index "operational_objective_strategic_objective_id_index" on "operational_objective" ("strategic_objective_id");`);
    this.addSql(`alter table "operational_objective" add constraint "operational_objective_edition_id_code_unique" unique ("edition_id", "code");`);

    this.addSql(`create table "objective_programme" ("id" uuid not null, "ente_id" uuid not null, "objective_id" uuid not null, "programme_id" text not null, "position" smallint not null, constraint "objective_programme_pkey" primary key ("id"));`);
    this.addSql(`create index "objective_programme_ente_id_index" on "objective_programme" ("ente_id");`);
    this.addSql(`create index "objective_programme_programme_id_index" on "objective_programme" ("programme_id");`);
    this.addSql(`alter table "objective_programme" add constraint "objective_programme_objective_id_position_unique" unique ("objective_id", "position");`);
    this.addSql(`alter table "objective_programme" add constraint "objective_programme_objective_id_programme_id_unique" unique ("objective_id", "programme_id");`);

    this.addSql(`create table "objective_owner" ("id" uuid not null, "ente_id" uuid not null, "objective_id" uuid not null, "owner_id" uuid not null, "position" smallint not null, constraint "objective_owner_pkey" primary key ("id"));`);
    this.addSql(`create index "objective_owner_ente_id_index" on "objective_owner" ("ente_id");`);
    this.addSql(`create index "objective_owner_owner_id_index" on "objective_owner" ("owner_id");`);
    this.addSql(`alter table "objective_owner" add constraint "objective_owner_objective_id_position_unique" unique ("objective_id", "position");`);
    this.addSql(`alter table "objective_owner" add constraint "objective_owner_objective_id_owner_id_unique" unique ("objective_id", "owner_id");`);

    this.addSql(`create table "goal" ("id" uuid not null, "ente_id" uuid not null, "objective_id" uuid not null, "position" smallint not null, "title" text not null, "description" text not null default '', constraint "goal_pkey" primary key ("id"), constraint goal_position_check check (position > 0));`);
    this.addSql(`create index "goal_ente_id_index" on "goal" ("ente_id");`);
    this.addSql(`alter table "goal" add constraint "goal_objective_id_position_unique" unique ("objective_id", "position");`);

    this.addSql(`create table "indicator" ("id" uuid not null, "ente_id" uuid not null, "objective_id" uuid not null, "goal_id" uuid null, "group_label" text null, "position" smallint not null, "name" text not null, "unit" text null, "kind" text check ("kind" in ('COUNT', 'PERCENTAGE', 'AMOUNT', 'AREA', 'DATE', 'MILESTONE', 'TEXT')) not null, "polarity" text check ("polarity" in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'TARGET_IS_BEST', 'NONE')) not null default 'NONE', constraint "indicator_pkey" primary key ("id"));`);
    this.addSql(`create index "indicator_ente_id_index" on "indicator" ("ente_id");`);
    this.addSql(`create index "indicator_name_lower_idx" on "indicator" (lower("name") text_pattern_ops);`);
    this.addSql(`create index "indicator_goal_id_index" on "indicator" ("goal_id");`);
    this.addSql(`alter table "indicator" add constraint "indicator_objective_id_position_unique" unique ("objective_id", "position");`);

    this.addSql(`create table "indicator_target" ("id" uuid not null, "ente_id" uuid not null, "indicator_id" uuid not null, "year" smallint not null, "comparator" text check ("comparator" in ('GE', 'GT', 'LE', 'LT', 'EQ')) null, "value" numeric(20,4) null, "unit" text null, "text" text null, constraint "indicator_target_pkey" primary key ("id"), constraint indicator_target_shape_check check ((value is not null and comparator is not null) or text is not null));`);
    this.addSql(`create index "indicator_target_ente_id_index" on "indicator_target" ("ente_id");`);
    this.addSql(`alter table "indicator_target" add constraint "indicator_target_indicator_id_year_unique" unique ("indicator_id", "year");`);

    this.addSql(`create table "indicator_result" ("id" uuid not null, "ente_id" uuid not null, "indicator_id" uuid not null, "period_id" uuid not null, "text" text not null default '', "value" numeric(20,4) null, "unit" text null, "status" text check ("status" in ('REPORTED', 'DEFERRED', 'NOT_YET_APPLICABLE', 'SUSPENDED', 'EMPTY')) not null, "deferred_to" date null, "version" int not null default 1, "author" text not null default 'system', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "indicator_result_pkey" primary key ("id"), constraint indicator_result_version_check check (version > 0), constraint indicator_result_deferral_check check ((status = 'DEFERRED') = (deferred_to is not null)));`);
    this.addSql(`create index "indicator_result_ente_id_index" on "indicator_result" ("ente_id");`);
    this.addSql(`create index "indicator_result_period_id_status_index" on "indicator_result" ("period_id", "status");`);
    this.addSql(`alter table "indicator_result" add constraint "indicator_result_indicator_id_period_id_unique" unique ("indicator_id", "period_id");`);

    this.addSql(`create table "goal_status" ("id" uuid not null, "ente_id" uuid not null, "goal_id" uuid not null, "period_id" uuid not null, "narrative" text not null default '', "as_of_label" text not null, "declared_state" text check ("declared_state" in ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'DEFERRED', 'SUSPENDED', 'CANCELLED')) null, "percent_complete" numeric(5,2) null, "deferred_to" date null, "deferral_text" text null, "version" int not null default 1, "author" text not null default 'system', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "goal_status_pkey" primary key ("id"), constraint goal_status_version_check check (version > 0), constraint goal_status_percent_check check (percent_complete is null or (percent_complete >= 0 and percent_complete <= 100)));`);
    this.addSql(`create index "goal_status_ente_id_index" on "goal_status" ("ente_id");`);
    this.addSql(`create index "goal_status_period_id_declared_state_index" on "goal_status" ("period_id", "declared_state");`);
    this.addSql(`alter table "goal_status" add constraint "goal_status_goal_id_period_id_unique" unique ("goal_id", "period_id");`);

    this.addSql(`create table "goal_department" ("id" uuid not null, "ente_id" uuid not null, "goal_id" uuid not null, "position" smallint not null, "department_id" uuid null, "all_departments_label" text null, "printed_name" text not null default '', "lead" boolean not null default false, "years" smallint[] not null default '{}', "note" text null, constraint "goal_department_pkey" primary key ("id"), constraint goal_department_years_check check (array_position(years, null) is null), constraint goal_department_target_check check ((department_id is not null) <> (all_departments_label is not null)));`);
    this.addSql(`create index "goal_department_ente_id_index" on "goal_department" ("ente_id");`);
    this.addSql(`create index "goal_department_lead_idx" on "goal_department" ("department_id") where "lead";`);
    this.addSql(`create index "goal_department_department_id_index" on "goal_department" ("department_id");`);
    this.addSql(`alter table "goal_department" add constraint "goal_department_goal_id_position_unique" unique ("goal_id", "position");`);

    this.addSql(`create table "strategic_objective_mission" ("id" uuid not null, "ente_id" uuid not null, "objective_id" uuid not null, "mission_code" text not null, "position" smallint not null, constraint "strategic_objective_mission_pkey" primary key ("id"));`);
    this.addSql(`create index "strategic_objective_mission_ente_id_index" on "strategic_objective_mission" ("ente_id");`);
    this.addSql(`alter table "strategic_objective_mission" add constraint "strategic_objective_mission_objective_id_position_unique" unique ("objective_id", "position");`);
    this.addSql(`alter table "strategic_objective_mission" add constraint "strategic_objective_mission_objective_id_mission_code_unique" unique ("objective_id", "mission_code");`);

    this.addSql(`alter table "department" add constraint "department_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "act" add constraint "act_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "mandate" add constraint "mandate_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "mandate" add constraint "mandate_approved_by_id_foreign" foreign key ("approved_by_id") references "act" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "mandate_line" add constraint "mandate_line_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "mandate_line" add constraint "mandate_line_mandate_id_foreign" foreign key ("mandate_id") references "mandate" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "plan_edition" add constraint "plan_edition_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "plan_edition" add constraint "plan_edition_mandate_id_foreign" foreign key ("mandate_id") references "mandate" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "edition_act" add constraint "edition_act_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "edition_act" add constraint "edition_act_edition_id_foreign" foreign key ("edition_id") references "plan_edition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "edition_act" add constraint "edition_act_act_id_foreign" foreign key ("act_id") references "act" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "amendment" add constraint "amendment_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "amendment" add constraint "amendment_edition_id_foreign" foreign key ("edition_id") references "plan_edition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "amendment" add constraint "amendment_act_id_foreign" foreign key ("act_id") references "act" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "political_owner" add constraint "political_owner_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "programme" add constraint "programme_mission_code_foreign" foreign key ("mission_code") references "mission" ("code") on update cascade on delete restrict;`);

    this.addSql(`alter table "reporting_period" add constraint "reporting_period_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reporting_period" add constraint "reporting_period_edition_id_foreign" foreign key ("edition_id") references "plan_edition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reporting_period" add constraint "reporting_period_noted_by_id_foreign" foreign key ("noted_by_id") references "act" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "reporting_period" add constraint "reporting_period_approved_by_id_foreign" foreign key ("approved_by_id") references "act" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "spending_row" add constraint "spending_row_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "spending_row" add constraint "spending_row_period_id_foreign" foreign key ("period_id") references "reporting_period" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "spending_row" add constraint "spending_row_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "strategic_direction" add constraint "strategic_direction_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "strategic_direction" add constraint "strategic_direction_line_id_foreign" foreign key ("line_id") references "mandate_line" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "strategic_objective" add constraint "strategic_objective_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "strategic_objective" add constraint "strategic_objective_edition_id_foreign" foreign key ("edition_id") references "plan_edition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "strategic_objective" add constraint "strategic_objective_line_id_foreign" foreign key ("line_id") references "mandate_line" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "strategic_objective" add constraint "strategic_objective_introduced_by_id_foreign" foreign key ("introduced_by_id") references "amendment" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "operational_objective" add constraint "operational_objective_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "operational_objective" add constraint "operational_objective_edition_id_foreign" foreign key ("edition_id") references "plan_edition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "operational_objective" add constraint "operational_objective_strategic_objective_id_foreign" foreign key ("strategic_objective_id") references "strategic_objective" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "operational_objective" add constraint "operational_objective_introduced_by_id_foreign" foreign key ("introduced_by_id") references "amendment" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "objective_programme" add constraint "objective_programme_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "objective_programme" add constraint "objective_programme_objective_id_foreign" foreign key ("objective_id") references "operational_objective" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "objective_programme" add constraint "objective_programme_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "objective_owner" add constraint "objective_owner_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "objective_owner" add constraint "objective_owner_objective_id_foreign" foreign key ("objective_id") references "operational_objective" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "objective_owner" add constraint "objective_owner_owner_id_foreign" foreign key ("owner_id") references "political_owner" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "goal" add constraint "goal_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "goal" add constraint "goal_objective_id_foreign" foreign key ("objective_id") references "operational_objective" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "indicator" add constraint "indicator_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "indicator" add constraint "indicator_objective_id_foreign" foreign key ("objective_id") references "operational_objective" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "indicator" add constraint "indicator_goal_id_foreign" foreign key ("goal_id") references "goal" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "indicator_target" add constraint "indicator_target_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "indicator_target" add constraint "indicator_target_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "indicator_result" add constraint "indicator_result_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "indicator_result" add constraint "indicator_result_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "indicator_result" add constraint "indicator_result_period_id_foreign" foreign key ("period_id") references "reporting_period" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "goal_status" add constraint "goal_status_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "goal_status" add constraint "goal_status_goal_id_foreign" foreign key ("goal_id") references "goal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "goal_status" add constraint "goal_status_period_id_foreign" foreign key ("period_id") references "reporting_period" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "goal_department" add constraint "goal_department_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "goal_department" add constraint "goal_department_goal_id_foreign" foreign key ("goal_id") references "goal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "goal_department" add constraint "goal_department_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "strategic_objective_mission" add constraint "strategic_objective_mission_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "strategic_objective_mission" add constraint "strategic_objective_mission_objective_id_foreign" foreign key ("objective_id") references "strategic_objective" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "strategic_objective_mission" add constraint "strategic_objective_mission_mission_code_foreign" foreign key ("mission_code") references "mission" ("code") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "department" drop constraint "department_ente_id_foreign";`);

    this.addSql(`alter table "act" drop constraint "act_ente_id_foreign";`);

    this.addSql(`alter table "mandate" drop constraint "mandate_ente_id_foreign";`);

    this.addSql(`alter table "mandate_line" drop constraint "mandate_line_ente_id_foreign";`);

    this.addSql(`alter table "plan_edition" drop constraint "plan_edition_ente_id_foreign";`);

    this.addSql(`alter table "edition_act" drop constraint "edition_act_ente_id_foreign";`);

    this.addSql(`alter table "amendment" drop constraint "amendment_ente_id_foreign";`);

    this.addSql(`alter table "political_owner" drop constraint "political_owner_ente_id_foreign";`);

    this.addSql(`alter table "reporting_period" drop constraint "reporting_period_ente_id_foreign";`);

    this.addSql(`alter table "spending_row" drop constraint "spending_row_ente_id_foreign";`);

    this.addSql(`alter table "strategic_direction" drop constraint "strategic_direction_ente_id_foreign";`);

    this.addSql(`alter table "strategic_objective" drop constraint "strategic_objective_ente_id_foreign";`);

    this.addSql(`alter table "operational_objective" drop constraint "operational_objective_ente_id_foreign";`);

    this.addSql(`alter table "objective_programme" drop constraint "objective_programme_ente_id_foreign";`);

    this.addSql(`alter table "objective_owner" drop constraint "objective_owner_ente_id_foreign";`);

    this.addSql(`alter table "goal" drop constraint "goal_ente_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_ente_id_foreign";`);

    this.addSql(`alter table "indicator_target" drop constraint "indicator_target_ente_id_foreign";`);

    this.addSql(`alter table "indicator_result" drop constraint "indicator_result_ente_id_foreign";`);

    this.addSql(`alter table "goal_status" drop constraint "goal_status_ente_id_foreign";`);

    this.addSql(`alter table "goal_department" drop constraint "goal_department_ente_id_foreign";`);

    this.addSql(`alter table "strategic_objective_mission" drop constraint "strategic_objective_mission_ente_id_foreign";`);

    this.addSql(`alter table "goal_department" drop constraint "goal_department_department_id_foreign";`);

    this.addSql(`alter table "mandate" drop constraint "mandate_approved_by_id_foreign";`);

    this.addSql(`alter table "edition_act" drop constraint "edition_act_act_id_foreign";`);

    this.addSql(`alter table "amendment" drop constraint "amendment_act_id_foreign";`);

    this.addSql(`alter table "reporting_period" drop constraint "reporting_period_noted_by_id_foreign";`);

    this.addSql(`alter table "reporting_period" drop constraint "reporting_period_approved_by_id_foreign";`);

    this.addSql(`alter table "mandate_line" drop constraint "mandate_line_mandate_id_foreign";`);

    this.addSql(`alter table "plan_edition" drop constraint "plan_edition_mandate_id_foreign";`);

    this.addSql(`alter table "strategic_direction" drop constraint "strategic_direction_line_id_foreign";`);

    this.addSql(`alter table "strategic_objective" drop constraint "strategic_objective_line_id_foreign";`);

    this.addSql(`alter table "programme" drop constraint "programme_mission_code_foreign";`);

    this.addSql(`alter table "strategic_objective_mission" drop constraint "strategic_objective_mission_mission_code_foreign";`);

    this.addSql(`alter table "edition_act" drop constraint "edition_act_edition_id_foreign";`);

    this.addSql(`alter table "amendment" drop constraint "amendment_edition_id_foreign";`);

    this.addSql(`alter table "reporting_period" drop constraint "reporting_period_edition_id_foreign";`);

    this.addSql(`alter table "strategic_objective" drop constraint "strategic_objective_edition_id_foreign";`);

    this.addSql(`alter table "operational_objective" drop constraint "operational_objective_edition_id_foreign";`);

    this.addSql(`alter table "strategic_objective" drop constraint "strategic_objective_introduced_by_id_foreign";`);

    this.addSql(`alter table "operational_objective" drop constraint "operational_objective_introduced_by_id_foreign";`);

    this.addSql(`alter table "objective_owner" drop constraint "objective_owner_owner_id_foreign";`);

    this.addSql(`alter table "spending_row" drop constraint "spending_row_programme_id_foreign";`);

    this.addSql(`alter table "objective_programme" drop constraint "objective_programme_programme_id_foreign";`);

    this.addSql(`alter table "spending_row" drop constraint "spending_row_period_id_foreign";`);

    this.addSql(`alter table "indicator_result" drop constraint "indicator_result_period_id_foreign";`);

    this.addSql(`alter table "goal_status" drop constraint "goal_status_period_id_foreign";`);

    this.addSql(`alter table "operational_objective" drop constraint "operational_objective_strategic_objective_id_foreign";`);

    this.addSql(`alter table "strategic_objective_mission" drop constraint "strategic_objective_mission_objective_id_foreign";`);

    this.addSql(`alter table "objective_programme" drop constraint "objective_programme_objective_id_foreign";`);

    this.addSql(`alter table "objective_owner" drop constraint "objective_owner_objective_id_foreign";`);

    this.addSql(`alter table "goal" drop constraint "goal_objective_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_objective_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_goal_id_foreign";`);

    this.addSql(`alter table "goal_status" drop constraint "goal_status_goal_id_foreign";`);

    this.addSql(`alter table "goal_department" drop constraint "goal_department_goal_id_foreign";`);

    this.addSql(`alter table "indicator_target" drop constraint "indicator_target_indicator_id_foreign";`);

    this.addSql(`alter table "indicator_result" drop constraint "indicator_result_indicator_id_foreign";`);

    this.addSql(`drop table if exists "ente" cascade;`);

    this.addSql(`drop table if exists "department" cascade;`);

    this.addSql(`drop table if exists "act" cascade;`);

    this.addSql(`drop table if exists "mandate" cascade;`);

    this.addSql(`drop table if exists "mandate_line" cascade;`);

    this.addSql(`drop table if exists "mission" cascade;`);

    this.addSql(`drop table if exists "plan_edition" cascade;`);

    this.addSql(`drop table if exists "edition_act" cascade;`);

    this.addSql(`drop table if exists "amendment" cascade;`);

    this.addSql(`drop table if exists "political_owner" cascade;`);

    this.addSql(`drop table if exists "programme" cascade;`);

    this.addSql(`drop table if exists "reporting_period" cascade;`);

    this.addSql(`drop table if exists "spending_row" cascade;`);

    this.addSql(`drop table if exists "strategic_direction" cascade;`);

    this.addSql(`drop table if exists "strategic_objective" cascade;`);

    this.addSql(`drop table if exists "operational_objective" cascade;`);

    this.addSql(`drop table if exists "objective_programme" cascade;`);

    this.addSql(`drop table if exists "objective_owner" cascade;`);

    this.addSql(`drop table if exists "goal" cascade;`);

    this.addSql(`drop table if exists "indicator" cascade;`);

    this.addSql(`drop table if exists "indicator_target" cascade;`);

    this.addSql(`drop table if exists "indicator_result" cascade;`);

    this.addSql(`drop table if exists "goal_status" cascade;`);

    this.addSql(`drop table if exists "goal_department" cascade;`);

    this.addSql(`drop table if exists "strategic_objective_mission" cascade;`);
  }

}

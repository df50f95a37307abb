import { Migration } from '@mikro-orm/migrations';

/**
 * The minutes of the council session that adopted an act: attendance, motions, each member's
 * vote, signatories. They are printed at the head of a report approved by the council, so
 * writes bump plan_data_version (and the structure version) like the plan's own tables.
 */
const SESSION_TABLES = ['council_session', 'council_session_member', 'council_motion', 'council_vote', 'council_session_signatory'];

export class Migration20261204185818_CouncilSession extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "council_session" ("id" uuid not null, "ente_id" uuid not null, "act_id" uuid not null, "held_on" date not null, "start_time" text null, "kind" text check ("kind" in ('ORDINARIA', 'STRAORDINARIA', 'URGENTE')) not null, "venue" text not null, "remote_attendance" text null, "president_name" text not null, "secretary_role" text not null, "secretary_name" text not null, constraint "council_session_pkey" primary key ("id"), constraint council_session_start_time_check check (start_time is null or start_time ~ '^[0-2][0-9]:[0-5][0-9]\$'));`);
    this.addSql(`create index "council_session_ente_id_index" on "council_session" ("ente_id");`);
    this.addSql(`alter table "council_session" add constraint "council_session_act_id_unique" unique ("act_id");`);

    this.addSql(`create table "council_session_signatory" ("id" uuid not null, "ente_id" uuid not null, "session_id" uuid not null, "position" int not null, "role" text not null, "name" text not null, constraint "council_session_signatory_pkey" primary key ("id"));`);
    this.addSql(`create index "council_session_signatory_ente_id_index" on "council_session_signatory" ("ente_id");`);
    this.addSql(`alter table "council_session_signatory" add constraint "council_session_signatory_session_id_position_unique" unique ("session_id", "position");`);

    this.addSql(`create table "council_session_member" ("id" uuid not null, "ente_id" uuid not null, "session_id" uuid not null, "position" int not null, "name" text not null, "role" text check ("role" in ('SINDACO', 'PRESIDENTE', 'CONSIGLIERE')) not null, "present" boolean not null, "attendance_mode" text check ("attendance_mode" in ('IN_PERSON', 'REMOTE')) null, "teller" boolean not null, constraint "council_session_member_pkey" primary key ("id"), constraint council_session_member_position_check check (position > 0), constraint council_session_member_mode_check check (present or attendance_mode is null));`);
    this.addSql(`create index "council_session_member_ente_id_index" on "council_session_member" ("ente_id");`);
    this.addSql(`alter table "council_session_member" add constraint "council_session_member_session_id_name_unique" unique ("session_id", "name");`);
    this.addSql(`alter table "council_session_member" add constraint "council_session_member_session_id_position_unique" unique ("session_id", "position");`);

    this.addSql(`create table "council_motion" ("id" uuid not null, "ente_id" uuid not null, "session_id" uuid not null, "position" int not null, "kind" text check ("kind" in ('DELIBERATION', 'IMMEDIATE_EXECUTABILITY', 'OTHER')) not null, "description" text not null, "outcome" text check ("outcome" in ('APPROVED', 'REJECTED')) not null, "outcome_text" text not null, constraint "council_motion_pkey" primary key ("id"), constraint council_motion_position_check check (position > 0));`);
    this.addSql(`create index "council_motion_ente_id_index" on "council_motion" ("ente_id");`);
    this.addSql(`alter table "council_motion" add constraint "council_motion_session_id_position_unique" unique ("session_id", "position");`);

    this.addSql(`create table "council_vote" ("id" uuid not null, "ente_id" uuid not null, "motion_id" uuid not null, "member_id" uuid not null, "choice" text check ("choice" in ('FAVOURABLE', 'AGAINST', 'ABSTAINED', 'ABSENT')) not null, constraint "council_vote_pkey" primary key ("id"));`);
    this.addSql(`create index "council_vote_ente_id_index" on "council_vote" ("ente_id");`);
    this.addSql(`create index "council_vote_member_id_index" on "council_vote" ("member_id");`);
    this.addSql(`alter table "council_vote" add constraint "council_vote_motion_id_member_id_unique" unique ("motion_id", "member_id");`);

    this.addSql(`alter table "council_session" add constraint "council_session_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "council_session" add constraint "council_session_act_id_foreign" foreign key ("act_id") references "act" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "council_session_signatory" add constraint "council_session_signatory_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "council_session_signatory" add constraint "council_session_signatory_session_id_foreign" foreign key ("session_id") references "council_session" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "council_session_member" add constraint "council_session_member_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "council_session_member" add constraint "council_session_member_session_id_foreign" foreign key ("session_id") references "council_session" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "council_motion" add constraint "council_motion_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "council_motion" add constraint "council_motion_session_id_foreign" foreign key ("session_id") references "council_session" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "council_vote" add constraint "council_vote_ente_id_foreign" foreign key ("ente_id") references "ente" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "council_vote" add constraint "council_vote_motion_id_foreign" foreign key ("motion_id") references "council_motion" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "council_vote" add constraint "council_vote_member_id_foreign" foreign key ("member_id") references "council_session_member" ("id") on update cascade on delete cascade;`);

    for (const table of SESSION_TABLES) {
      this.addSql(`create trigger "${table}_plan_data_version" after insert or update or delete or truncate on "${table}" for each statement execute function plan_data_version_trigger();`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "council_session_signatory" drop constraint "council_session_signatory_session_id_foreign";`);

    this.addSql(`alter table "council_session_member" drop constraint "council_session_member_session_id_foreign";`);

    this.addSql(`alter table "council_motion" drop constraint "council_motion_session_id_foreign";`);

    this.addSql(`alter table "council_vote" drop constraint "council_vote_member_id_foreign";`);

    this.addSql(`alter table "council_vote" drop constraint "council_vote_motion_id_foreign";`);

    this.addSql(`drop table if exists "council_session" cascade;`);

    this.addSql(`drop table if exists "council_session_signatory" cascade;`);

    this.addSql(`drop table if exists "council_session_member" cascade;`);

    this.addSql(`drop table if exists "council_motion" cascade;`);

    this.addSql(`drop table if exists "council_vote" cascade;`);
  }

}

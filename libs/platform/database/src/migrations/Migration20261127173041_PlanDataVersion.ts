import { Migration } from '@mikro-orm/migrations';

/**
 * Tables whose rows the read API shows. A statement-level trigger on each bumps
 * plan_data_version once per writing transaction, so the read model's cache can never serve
 * data older than the last commit. A new table that the read API shows must be added here
 * (in a new migration) too.
 */
const PLAN_TABLES = [
  'ente', 'act', 'mandate', 'mandate_line', 'strategic_direction', 'plan_edition', 'edition_act', 'amendment',
  'mission', 'programme', 'department', 'political_owner', 'strategic_objective', 'strategic_objective_mission',
  'operational_objective', 'objective_owner', 'objective_programme', 'goal', 'goal_department', 'reporting_period',
  'goal_status', 'indicator', 'indicator_target', 'indicator_result', 'spending_row',
];

export class Migration20261127173041_PlanDataVersion extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "plan_data_version" ("id" smallint not null default 1, "version" bigint not null, constraint "plan_data_version_pkey" primary key ("id"), constraint plan_data_version_single_row_check check (id = 1));`);
    this.addSql(`insert into "plan_data_version" ("id", "version") values (1, 1);`);
    // Bumps the version at most once per transaction (a rolled-back savepoint also rolls back
    // the marker, so a later write bumps again). Callable directly by any writer.
    this.addSql(`create function bump_plan_data_version() returns void language plpgsql as $$
      begin
        if current_setting('dup.plan_data_version_xact', true) is distinct from txid_current()::text then
          update plan_data_version set version = version + 1 where id = 1;
          perform set_config('dup.plan_data_version_xact', txid_current()::text, true);
        end if;
      end $$;`);
    this.addSql(`create function plan_data_version_trigger() returns trigger language plpgsql as $$
      begin
        perform bump_plan_data_version();
        return null;
      end $$;`);
    for (const table of PLAN_TABLES) {
      this.addSql(`create trigger "${table}_plan_data_version" after insert or update or delete or truncate on "${table}" for each statement execute function plan_data_version_trigger();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of PLAN_TABLES) this.addSql(`drop trigger if exists "${table}_plan_data_version" on "${table}";`);
    this.addSql(`drop function if exists plan_data_version_trigger();`);
    this.addSql(`drop function if exists bump_plan_data_version();`);
    this.addSql(`drop table if exists "plan_data_version" cascade;`);
  }

}

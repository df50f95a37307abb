import { Migration } from '@mikro-orm/migrations';

/**
 * The tables of the plan's progress: what the semester cycle writes all the time. A write to
 * them bumps only `version`; a write to any other plan table bumps `structure_version` too
 * (plan_data_version_trigger, which a new plan table keeps using unless it is progress), so
 * the read model reloads just statuses, targets and results after a status write.
 */
const PROGRESS_TABLES = ['goal_status', 'indicator_target', 'indicator_result'];

export class Migration20261204155531_PlanStructureVersion extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "plan_data_version" add column "structure_version" bigint not null default 1;`);
    // Once per transaction, like bump_plan_data_version (which it calls for `version`).
    this.addSql(`create function bump_plan_structure_version() returns void language plpgsql as $$
      begin
        if current_setting('dup.plan_structure_version_xact', true) is distinct from txid_current()::text then
          update plan_data_version set structure_version = structure_version + 1 where id = 1;
          perform set_config('dup.plan_structure_version_xact', txid_current()::text, true);
        end if;
        perform bump_plan_data_version();
      end $$;`);
    this.addSql(`create or replace function plan_data_version_trigger() returns trigger language plpgsql as $$
      begin
        perform bump_plan_structure_version();
        return null;
      end $$;`);
    this.addSql(`create function plan_progress_version_trigger() returns trigger language plpgsql as $$
      begin
        perform bump_plan_data_version();
        return null;
      end $$;`);
    for (const table of PROGRESS_TABLES) {
      this.addSql(`drop trigger "${table}_plan_data_version" on "${table}";`);
      this.addSql(`create trigger "${table}_plan_data_version" after insert or update or delete or truncate on "${table}" for each statement execute function plan_progress_version_trigger();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of PROGRESS_TABLES) {
      this.addSql(`drop trigger "${table}_plan_data_version" on "${table}";`);
      this.addSql(`create trigger "${table}_plan_data_version" after insert or update or delete or truncate on "${table}" for each statement execute function plan_data_version_trigger();`);
    }
    this.addSql(`drop function plan_progress_version_trigger();`);
    this.addSql(`create or replace function plan_data_version_trigger() returns trigger language plpgsql as $$
      begin
        perform bump_plan_data_version();
        return null;
      end $$;`);
    this.addSql(`drop function bump_plan_structure_version();`);
    this.addSql(`alter table "plan_data_version" drop column "structure_version";`);
  }

}

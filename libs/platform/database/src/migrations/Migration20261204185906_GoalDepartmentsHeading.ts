import { Migration } from '@mikro-orm/migrations';

export class Migration20261204185906_GoalDepartmentsHeading extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "goal" add column "departments_heading" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "goal" drop column "departments_heading";`);
  }

}

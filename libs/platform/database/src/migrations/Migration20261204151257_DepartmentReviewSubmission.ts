import { Migration } from '@mikro-orm/migrations';

export class Migration20261204151257_DepartmentReviewSubmission extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "department_review" add column "submission_note" text null, add column "missing_goals_at_submission" int null, add column "missing_indicators_at_submission" int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "department_review" drop column "submission_note", drop column "missing_goals_at_submission", drop column "missing_indicators_at_submission";`);
  }

}

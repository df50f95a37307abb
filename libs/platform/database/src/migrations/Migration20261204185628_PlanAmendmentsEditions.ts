import { Migration } from '@mikro-orm/migrations';

export class Migration20261204185628_PlanAmendmentsEditions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "strategic_objective" add column "retired_by_id" uuid null, add column "predecessor_id" uuid null;`);
    this.addSql(`alter table "strategic_objective" add constraint "strategic_objective_retired_by_id_foreign" foreign key ("retired_by_id") references "amendment" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "strategic_objective" add constraint "strategic_objective_predecessor_id_foreign" foreign key ("predecessor_id") references "strategic_objective" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "strategic_objective_predecessor_id_index" on "strategic_objective" ("predecessor_id");`);

    this.addSql(`alter table "operational_objective" add column "retired_by_id" uuid null, add column "predecessor_id" uuid null;`);
    this.addSql(`alter table "operational_objective" add constraint "operational_objective_retired_by_id_foreign" foreign key ("retired_by_id") references "amendment" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "operational_objective" add constraint "operational_objective_predecessor_id_foreign" foreign key ("predecessor_id") references "operational_objective" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "operational_objective_predecessor_id_index" on "operational_objective" ("predecessor_id");`);

    this.addSql(`alter table "goal" add column "predecessor_id" uuid null;`);
    this.addSql(`alter table "goal" add constraint "goal_predecessor_id_foreign" foreign key ("predecessor_id") references "goal" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "goal_predecessor_id_index" on "goal" ("predecessor_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "goal" drop constraint "goal_predecessor_id_foreign";`);

    this.addSql(`alter table "operational_objective" drop constraint "operational_objective_retired_by_id_foreign";`);
    this.addSql(`alter table "operational_objective" drop constraint "operational_objective_predecessor_id_foreign";`);

    this.addSql(`alter table "strategic_objective" drop constraint "strategic_objective_retired_by_id_foreign";`);
    this.addSql(`alter table "strategic_objective" drop constraint "strategic_objective_predecessor_id_foreign";`);

    this.addSql(`drop index "goal_predecessor_id_index";`);
    this.addSql(`alter table "goal" drop column "predecessor_id";`);

    this.addSql(`drop index "operational_objective_predecessor_id_index";`);
    this.addSql(`alter table "operational_objective" drop column "retired_by_id", drop column "predecessor_id";`);

    this.addSql(`drop index "strategic_objective_predecessor_id_index";`);
    this.addSql(`alter table "strategic_objective" drop column "retired_by_id", drop column "predecessor_id";`);
  }

}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemaSdl } from './graphql/print-schema';

/** Writes the committed `apps/api/schema.gql` from the code (`npm run schema:print`). */
buildSchemaSdl()
  .then((sdl) => {
    const target = join(process.cwd(), 'apps/api/schema.gql');
    writeFileSync(target, sdl);
    process.stdout.write(`Schema GraphQL scritto in ${target}\n`);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });

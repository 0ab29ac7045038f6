import pg from 'pg';
import { PostgresDialect } from 'kysely';

// BIGINT (int8) and NUMERIC come back as strings by default; counts and sums here fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

/** A Kysely dialect over a `pg` connection pool. */
export function createPostgresDialect(url: string): PostgresDialect {
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) });
}

import pg from 'pg';
import { PostgresDialect } from 'kysely';

// BIGINT (int8) and NUMERIC come back as strings by default; counts and sums here fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

/**
 * A Kysely dialect over a `pg` connection pool, and the pool (for the named reads of
 * postgres-reader.ts). An idle connection the server closes (a restart, a failover, an
 * administrator's terminate) makes the pool emit 'error'; without a listener Node would end the
 * process. The pool drops that connection and opens a new one on the next query, so the error is
 * only worth a warning.
 */
export function createPostgresDialect(
  url: string,
  onIdleError: (error: Error) => void = (error) =>
    process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`),
): { dialect: PostgresDialect; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', onIdleError);
  return { dialect: new PostgresDialect({ pool }), pool };
}

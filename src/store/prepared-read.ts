import { CompiledQuery } from 'kysely';
import type { Database } from './database.js';

/** Stands for a parameter in the compiled SQL until a call binds it. */
class Slot {
  constructor(readonly name: string) {}
}

/** Names a parameter of a prepared read inside its query builder. */
export type SlotOf<Args> = <K extends keyof Args & string>(name: K) => Args[K];

/** A query builder of Kysely's: compiled once here, or run as it is when plugins are installed. */
export interface ReadBuilder<Row> {
  compile(): CompiledQuery<Row>;
  execute(): Promise<Row[]>;
}

/**
 * A read on a request's hot path (a partner's credential, its agreements, a collection), built
 * with Kysely once and run with new parameters at each call. Building and compiling a small query
 * cost more than running it on SQLite (~8 of ~13 µs), and each TAXII request makes three.
 * On SQLite the SQL runs as a statement of its own on the raw connection, under Kysely's
 * connection lock like any query Kysely runs; on PostgreSQL as a named prepared statement
 * (postgres-reader.ts), which the server parses and plans once per connection.
 * Not with Kysely plugins installed: then each call builds and runs its query as usual.
 *
 * @example const byId = prepareRead(database, (slot: SlotOf<{ id: string }>) => db.selectFrom('t').selectAll().where('id', '=', slot('id')))
 * await byId({ id: 'c1' })
 */
export function prepareRead<Args extends Record<string, unknown>, Row>(
  database: Database,
  build: (slot: SlotOf<Args>) => ReadBuilder<Row>,
): (args: Args) => Promise<Row[]> {
  if (database.db.getExecutor().plugins.length > 0) {
    // A plugin may rewrite each query, or watch each one run (as tests do): a query compiled
    // once would bypass it, so with plugins the read is built and run by Kysely at every call.
    return (args) => build(((name: string) => args[name]) as SlotOf<Args>).execute();
  }
  const compiled = build(((name: string) => new Slot(name)) as SlotOf<Args>).compile();
  // Each compiled parameter is either a slot, bound per call, or a constant of the query.
  const binders = compiled.parameters.map((p) =>
    p instanceof Slot ? (args: Args) => args[p.name] : () => p,
  );
  const bind = (args: Args) => binders.map((b) => b(args));
  const raw = database.sqlite;
  if (database.engine === 'sqlite' && raw) {
    let statement: ReturnType<typeof raw.prepare> | undefined;
    return (args) =>
      database.db.connection().execute(async () => {
        statement ??= raw.prepare(compiled.sql);
        // The raw driver returns the rows of the very SQL Kysely compiled, typed by its builder.
        return statement.all(bind(args)) as Row[];
      });
  }
  const postgres = database.postgresReader;
  if (database.engine === 'postgres' && postgres)
    return (args) => postgres.rows<Row>(compiled.sql, bind(args));
  return async (args) =>
    (await database.db.executeQuery<Row>(CompiledQuery.raw(compiled.sql, bind(args)))).rows;
}

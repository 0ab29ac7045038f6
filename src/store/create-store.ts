import type { Database } from './database.js';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

/**
 * Everything the application reads and writes, one repository per area, all over one database.
 * Each repository implements a port from src/core/ports; domain modules see only the ports.
 */
export interface Store {
  readonly database: Database;
  close(): Promise<void>;
}

/**
 * Builds the repositories over an open (and migrated) database.
 *
 * @example const store = createStore(await openDatabase(url))
 */
export function createStore(database: Database): Store {
  return {
    database,
    close: () => database.close(),
  };
}

/** Opens the database at `url`, migrates it, and builds the store. */
export async function openStore(url: string): Promise<Store> {
  const database = await openDatabase(url);
  await migrateToLatest(database);
  return createStore(database);
}

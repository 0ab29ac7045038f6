import { createRequire } from 'node:module';
import {
  ANSWER_WITH_PAGE_JS,
  startPageReadThread,
  type PageReadWorker,
} from '../page-read/page-read-thread.js';
import { createStatementNamer } from './postgres-reader.js';

/** Connections of the thread's own pool: pages in flight at once, beside the server's pool. */
const CONNECTIONS = 4;

// The thread's code, plain JavaScript evaluated in the thread (no TypeScript loader there). Its
// own pool reads each page in one statement, so it sees what was committed when the statement
// started, as a read on the server's pool would. An idle connection the server closes is only
// dropped from the pool (the next query opens another).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${ANSWER_WITH_PAGE_JS}
const pg = require(workerData.driver);
const pool = new pg.Pool({ connectionString: workerData.url, max: workerData.connections });
pool.on('error', () => {});
parentPort.on('message', (request) => {
  if (request.close) {
    pool.end().finally(() => parentPort.close());
    return;
  }
  pool
    .query({
      text: request.sql,
      values: request.parameters,
      rowMode: 'array',
      ...(request.name === undefined ? {} : { name: request.name }),
    })
    .then((result) => answerWithPage(request, result.rows), (error) => answerWithError(request, error));
});
`;

/**
 * A thread that reads TAXII pages from the PostgreSQL database at `url`, with a pool of its own.
 * On the server's thread a page cost ~800 µs of CPU, most of it the driver's: parsing a hundred
 * rows off the socket, decoding their JSON to strings, joining and encoding them again. Here that
 * runs beside the HTTP work. Pages are read as named prepared statements, like the server's hot
 * reads (postgres-reader.ts).
 *
 * @example const worker = createPostgresPageReadWorker('postgres://…'); await worker.readPage(sql, params, 100)
 */
export function createPostgresPageReadWorker(url: string): PageReadWorker {
  const driver = createRequire(import.meta.url).resolve('pg');
  const nameOf = createStatementNamer();
  return startPageReadThread(WORKER_SOURCE, { url, driver, connections: CONNECTIONS }, (sql) => {
    const name = nameOf(sql);
    return name === undefined ? {} : { name };
  });
}

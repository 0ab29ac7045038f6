import { createGuardedFetch } from '../src/ingest/outbound/guarded-fetch.js';
const t = Date.now();
const f = createGuardedFetch({ timeoutMs: 2000 });
try { await f(process.argv[2]!); } catch (e) { console.log((e as any).code); }
process.on('exit', () => console.log('exit', Date.now() - t));

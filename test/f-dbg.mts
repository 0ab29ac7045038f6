import { createServer } from 'node:http';
import { createGuardedFetch } from '../src/ingest/outbound/guarded-fetch.js';
import { parseAllowList } from '../src/core/net/address-policy.js';
const which = process.argv[2];
const server = createServer((req, res) => { if (req.url === '/hang') return; res.end('hi'); });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as any).port;
const f = createGuardedFetch({ allow: parseAllowList('127.0.0.1').allow, timeoutMs: 300 });
const t = Date.now();
try { const r = await f(`http://127.0.0.1:${port}/${which}`); console.log(await r.text()); } catch (e) { console.log((e as any).code); }
server.closeAllConnections(); server.close(() => console.log('closed', Date.now() - t));
process.on('exit', () => console.log('exit', Date.now() - t));

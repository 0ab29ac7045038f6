// Moved to core so the audit trail (src/store, src/server) hashes the same way as the ledger.
export { sha256Hex, toCanonicalJson } from '../core/canonical-json.js';

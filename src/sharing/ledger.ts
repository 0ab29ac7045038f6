import type { LedgerEntry, LedgerHead } from '../core/ports/sharing.js';
import { sha256Hex } from './canonical-json.js';

/** A disclosure before it is chained: everything but its position and hashes. */
export type LedgerDraft = Omit<LedgerEntry, 'seq' | 'prevHash' | 'hash'>;

/**
 * The hash of an entry: SHA-256 over the previous entry's hash, a newline, and the canonical JSON
 * of the entry's own content (its `hash` excluded), so altering, removing or reordering any entry
 * breaks every link after it.
 *
 * @example hashLedgerEntry({ ...entry, hash: undefined })
 */
export function hashLedgerEntry(entry: Omit<LedgerEntry, 'hash'> & { hash?: string }): string {
  // The entry is flat (strings and one number), so JSON.stringify with the keys listed in sorted
  // order writes exactly its canonical JSON (RFC 8785), natively.
  return sha256Hex(`${entry.prevHash}\n${JSON.stringify(entry, CONTENT_KEYS as string[])}`);
}

/** The keys an entry's hash covers, sorted as canonical JSON sorts them; `hash` is not one. */
// `acknowledgements` is absent from most entries, and JSON.stringify leaves an absent key out, so
// entries written before it existed hash as they did.
const CONTENT_KEYS: readonly string[] = [
  'acknowledgements',
  'action',
  'approver',
  'at',
  'objectId',
  'objectVersion',
  'partnerId',
  'prevHash',
  'releaseId',
  'seq',
  'sha256',
];

/**
 * Chains drafts after the current head: numbers them and computes each prevHash and hash.
 *
 * @example sealLedgerEntries(undefined, drafts)[0].seq // 1
 */
export function sealLedgerEntries(
  head: LedgerHead | undefined,
  drafts: readonly LedgerDraft[],
): LedgerEntry[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? '';
  return drafts.map((draft) => {
    seq += 1;
    const unsealed = { ...draft, seq, prevHash };
    const hash = hashLedgerEntry(unsealed);
    prevHash = hash;
    return { ...unsealed, hash };
  });
}

/** The verdict on a ledger: fine, or the first entry that breaks the chain and why. */
export type LedgerVerdict =
  | { ok: true; entries: number; head?: string }
  | { ok: false; entries: number; badSeq: number; position: number; reason: string };

/**
 * Checks a ledger read in `seq` order: positions run 1, 2, 3…, each entry links to the previous
 * entry's hash, and each hash matches the entry's content. Returns the first bad entry.
 *
 * @example verifyLedger(await ledger.listEntries()) // { ok: true, entries: 120, head: '…' }
 */
export function verifyLedger(entries: readonly LedgerEntry[]): LedgerVerdict {
  let prevHash = '';
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as LedgerEntry;
    const fail = (reason: string): LedgerVerdict => ({
      ok: false,
      entries: entries.length,
      badSeq: e.seq,
      position: i + 1,
      reason,
    });
    if (e.seq !== i + 1) {
      return fail(`entry ${e.seq} is at position ${i + 1}: an entry was removed or reordered`);
    }
    if (e.prevHash !== prevHash) {
      return fail(`entry ${e.seq} does not link to the entry before it`);
    }
    if (hashLedgerEntry(e) !== e.hash) {
      return fail(`entry ${e.seq} was altered: its content does not match its hash`);
    }
    prevHash = e.hash;
  }
  return entries.length === 0
    ? { ok: true, entries: 0 }
    : { ok: true, entries: entries.length, head: prevHash };
}

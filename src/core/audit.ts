import { sha256Hex } from './canonical-json.js';
import type { StixObject } from './stix/stix-object.js';
import { TLP1_MARKING_IDS, TLP2_MARKING_IDS } from './vocab/tlp.js';

/** Markings whose every read and export is recorded: TLP:AMBER+STRICT and TLP:RED (2.0 and 1.0). */
export const AUDITED_MARKING_IDS: readonly string[] = [
  TLP2_MARKING_IDS['amber+strict'],
  TLP2_MARKING_IDS.red,
  TLP1_MARKING_IDS.red,
];
const AUDITED_MARKINGS = new Set(AUDITED_MARKING_IDS);

/**
 * Whether a stored object's JSON text names an audited marking id anywhere: what a collection
 * row's `may_hold_audited` records when it is stored, so that a TAXII page need not be searched.
 *
 * @example holdsAuditedMarkingId(JSON.stringify(redObject)) // true
 */
export function holdsAuditedMarkingId(text: string): boolean {
  return AUDITED_MARKING_IDS.some((id) => text.includes(id));
}

/**
 * Whether reading the object is recorded in the audit trail (it is TLP:AMBER+STRICT or TLP:RED).
 *
 * @example isAuditedRead({ …, object_marking_refs: [TLP2_MARKING_IDS.red] }) // true
 */
export function isAuditedRead(object: StixObject): boolean {
  const refs = object.object_marking_refs;
  if (refs === undefined) return false;
  for (const id of refs) if (AUDITED_MARKINGS.has(id)) return true;
  return false;
}

/** What the audit trail records: an action name, dot-separated by area (`session.sign-in`). */
export type AuditAction =
  | 'session.sign-in'
  | 'session.sign-in-failed'
  | 'session.sign-out'
  | 'user.create'
  | 'user.change'
  | 'user.token'
  | 'partner.create'
  | 'partner.change'
  | 'agreement.create'
  | 'agreement.change'
  | 'settings.change'
  | 'object.import'
  | 'report.ingest'
  | 'object.write'
  | 'object.search'
  | 'object.read-restricted'
  | 'object.export'
  | 'release.create'
  | 'release.preview'
  | 'release.approve'
  | 'release.revoke'
  | 'release.download'
  | 'brief.write'
  | 'assessment.create'
  | 'assessment.change'
  | 'taxii.read'
  | 'audit.read'
  | 'audit.prune';

/**
 * Actions a client repeats many times a second in ordinary use (a partner paging a collection, a
 * search box typed into, and the restricted objects those pages and searches return): identical
 * records of these within one flush window are written as one record with a count (ADR 0038,
 * 0040). Every other action keeps a record per event.
 */
export const COALESCED_ACTIONS: ReadonlySet<AuditAction> = new Set<AuditAction>([
  'taxii.read',
  'object.search',
  'object.read-restricted',
]);

/**
 * One audit record before it is chained: who, what (action and ids — never content), when, from
 * where, and how it ended (the HTTP status; 0 from the CLI).
 */
export interface AuditDraft {
  at: string;
  /** `user--<id>`-style user id, `partner:<id>`, or '' when nobody signed in (a failed sign-in). */
  actorId: string;
  /** Username, partner name, or the username a failed sign-in tried. */
  actorName: string;
  action: AuditAction;
  /** The ids acted on, space-separated ('' when none). */
  targets: string;
  /** The request's IP address, or 'cli'. */
  origin: string;
  status: number;
  /**
   * How many identical events the record stands for, all within 100 ms from `at` (a coalesced
   * action's repeats, ADR 0038); absent means one.
   */
  count?: number;
}

export interface AuditEntry extends AuditDraft {
  count: number;
  seq: number;
  prevHash: string;
  hash: string;
}

/** Where verification starts after pruning: the last pruned entry's position and hash. */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  at: string;
}

/**
 * SHA-256 over the previous hash, a newline and the canonical JSON of the entry (its hash left
 * out) — the disclosure ledger's rule, so altering, removing or reordering breaks every later link.
 */
export function hashAuditEntry(
  entry: Omit<AuditEntry, 'hash' | 'count'> & { hash?: string; count?: number },
): string {
  return sha256Hex(`${entry.prevHash}\n${auditEntryJson(entry)}`);
}

/**
 * The canonical JSON (toCanonicalJson) of an entry's fields, written out directly: every
 * request's record is sealed, and the generic writer (key sort, rest copy, array of parts) cost
 * about ten times the hash. Keys are in canonical (UTF-16) order; JSON.stringify writes the
 * values as the generic writer does. The unit test holds the two equal.
 *
 * A count of one is left out, so a record of one event hashes as records did before counts
 * existed and a trail written then still verifies.
 */
export function auditEntryJson(e: Omit<AuditEntry, 'hash' | 'count'> & { count?: number }): string {
  return (
    `{"action":${JSON.stringify(e.action)},"actorId":${JSON.stringify(e.actorId)}` +
    `,"actorName":${JSON.stringify(e.actorName)},"at":${JSON.stringify(e.at)}` +
    (e.count === undefined || e.count === 1 ? '' : `,"count":${JSON.stringify(e.count)}`) +
    `,"origin":${JSON.stringify(e.origin)},"prevHash":${JSON.stringify(e.prevHash)}` +
    `,"seq":${JSON.stringify(e.seq)},"status":${JSON.stringify(e.status)}` +
    `,"targets":${JSON.stringify(e.targets)}}`
  );
}

/**
 * Chains drafts after the head (or the prune checkpoint when the table is empty).
 *
 * @example sealAuditEntries(undefined, drafts)[0].seq // 1
 */
export function sealAuditEntries(
  head: { seq: number; hash: string } | undefined,
  drafts: readonly AuditDraft[],
): AuditEntry[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? '';
  return drafts.map((draft) => {
    seq += 1;
    // The stored columns only: a draft's extra properties would be hashed but not kept.
    const entry: AuditEntry = {
      at: draft.at,
      actorId: draft.actorId,
      actorName: draft.actorName,
      action: draft.action,
      targets: draft.targets,
      origin: draft.origin,
      status: draft.status,
      count: draft.count ?? 1,
      seq,
      prevHash,
      hash: '',
    };
    entry.hash = hashAuditEntry(entry);
    prevHash = entry.hash;
    return entry;
  });
}

export type AuditVerdict =
  | { ok: true; entries: number; head?: string; from?: number }
  | { ok: false; entries: number; badSeq: number; reason: string };

/**
 * Checks entries read in `seq` order, starting after the prune checkpoint when there is one:
 * positions are consecutive, each links to the hash before it, each hash matches its content.
 *
 * @example verifyAuditTrail(await trail.listAll(), await trail.checkpoint())
 */
export function verifyAuditTrail(
  entries: readonly AuditEntry[],
  checkpoint?: AuditCheckpoint,
): AuditVerdict {
  let seq = checkpoint?.seq ?? 0;
  let prevHash = checkpoint?.hash ?? '';
  for (const e of entries) {
    const fail = (reason: string): AuditVerdict => ({
      ok: false,
      entries: entries.length,
      badSeq: e.seq,
      reason,
    });
    if (e.seq !== seq + 1) {
      return fail(`entry ${e.seq} follows entry ${seq}: an entry was removed or reordered`);
    }
    if (e.prevHash !== prevHash) return fail(`entry ${e.seq} does not link to the entry before it`);
    if (hashAuditEntry(e) !== e.hash)
      return fail(`entry ${e.seq} was altered after it was written`);
    seq = e.seq;
    prevHash = e.hash;
  }
  return {
    ok: true,
    entries: entries.length,
    ...(prevHash ? { head: prevHash } : {}),
    ...(checkpoint ? { from: checkpoint.seq + 1 } : {}),
  };
}

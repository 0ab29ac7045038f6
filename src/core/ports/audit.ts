import type { AuditCheckpoint, AuditDraft, AuditEntry } from '../audit.js';

/** Which records to list; every filter is optional and they combine with AND. */
export interface AuditFilter {
  /** A user id or username (or partner id / name). */
  user?: string;
  /** An id among the record's targets: "who read or exported this object". */
  object?: string;
  /** ISO timestamp: records at or after it. */
  since?: string;
  limit?: number;
}

/** The append-only audit trail (implemented in src/store/accounts/audit-repository.ts). */
export interface AuditTrail {
  /** Chains and appends the drafts in one transaction, after the current head. */
  append(drafts: readonly AuditDraft[]): Promise<AuditEntry[]>;
  /** Matching records, oldest first. */
  list(filter?: AuditFilter): Promise<AuditEntry[]>;
  /** Every record kept, in `seq` order, for verification. */
  listAll(): Promise<AuditEntry[]>;
  /** The last pruned entry, when anything was pruned. */
  checkpoint(): Promise<AuditCheckpoint | undefined>;
  /** Deletes records older than `before`, keeping the chain verifiable; returns how many. */
  prune(before: string): Promise<number>;
}

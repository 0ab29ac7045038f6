import type { AuditEntry, AuditVerdict } from '../../../core/audit.js';
import type { Covers } from '../../openapi/schema-coverage.js';

// Response schemas of the audit routes (ADR 0028); a field added to AuditEntry must be added
// here too, or `Covers` fails to compile (Fastify would drop it from the answer otherwise).

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;

const auditEntrySchema = {
  type: 'object',
  required: [
    'seq',
    'at',
    'actorId',
    'actorName',
    'action',
    'targets',
    'origin',
    'status',
    'count',
    'prevHash',
    'hash',
  ],
  properties: {
    seq: int,
    at: str,
    actorId: str,
    actorName: str,
    action: str,
    targets: str,
    origin: str,
    status: int,
    /** How many identical events the record stands for (repeated reads within 100 ms). */
    count: int,
    prevHash: str,
    hash: str,
  },
} as const;

export const auditListResponse = {
  type: 'object',
  required: ['entries'],
  properties: { entries: { type: 'array', items: auditEntrySchema } },
} as const;

/** Whether the hash chain holds; when not, the first entry that breaks it and why. */
export const auditVerdictResponse = {
  type: 'object',
  required: ['ok', 'entries'],
  properties: {
    ok: { type: 'boolean' },
    entries: int,
    head: str,
    from: int,
    badSeq: int,
    reason: str,
  },
} as const;

const covered: [
  Covers<AuditEntry, typeof auditEntrySchema>,
  Covers<AuditVerdict, typeof auditVerdictResponse>,
] = [true, true];
void covered;

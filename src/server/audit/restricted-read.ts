import { isAuditedRead } from '../../core/audit.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import { noteAudit } from './audit-notes.js';

/**
 * Notes an object read for the audit trail when the object is TLP:AMBER+STRICT or TLP:RED.
 *
 * @example noteRestrictedRead(request, object)
 */
export function noteRestrictedRead(
  request: { auditTargets?: string[]; auditAction?: string },
  object: StixObject,
): void {
  if (isAuditedRead(object)) noteAudit(request, [object.id], 'object.read-restricted');
}

import { TearlineError } from '../core/errors.js';
import type { FindingAcknowledgement, Release } from '../core/ports/sharing.js';

/**
 * Refuses an approval by someone who has not fetched the release's current preview: the approver
 * approves what they saw, in full, never from a list.
 *
 * @example requirePreviewSeen(release, 'bea')
 */
export function requirePreviewSeen(release: Release, approver: string): void {
  if (release.builtAt === undefined || release.previewSeenBy?.[approver] !== release.builtAt) {
    throw new TearlineError(
      'TEARLINE_E_SHARING_PREVIEW_NOT_SEEN',
      'Open the current preview of this release before approving it; approval happens from the preview.',
      { kind: 'conflict' },
    );
  }
}

/**
 * The approver's acknowledgements, checked: every finding of the preview needs one with a reason,
 * and none may name a finding the preview does not have. Returns them stamped with who and when.
 *
 * @example checkAcknowledgements(release, [{ findingId: 'ab12…', reason: 'public figure' }], 'bea', now)
 */
export function checkAcknowledgements(
  release: Release,
  value: unknown,
  by: string,
  at: string,
): FindingAcknowledgement[] {
  const given = value ?? [];
  if (!Array.isArray(given)) {
    throw new TearlineError(
      'TEARLINE_E_SHARING_BAD_INPUT',
      'Acknowledgements must be a list of {"findingId", "reason"}.',
    );
  }
  const findings = release.findings ?? [];
  const known = new Set(findings.map((f) => f.id));
  const reasons = new Map<string, string>();
  for (const raw of given) {
    const a = (raw ?? {}) as Record<string, unknown>;
    const id = typeof a.findingId === 'string' ? a.findingId : '';
    const reason = typeof a.reason === 'string' ? a.reason.trim() : '';
    if (!known.has(id)) {
      throw new TearlineError(
        'TEARLINE_E_SHARING_BAD_INPUT',
        `The preview has no finding ${JSON.stringify(id)}; acknowledge the findings of the current preview.`,
      );
    }
    if (reason === '') {
      throw new TearlineError(
        'TEARLINE_E_SHARING_BAD_INPUT',
        `Say why finding ${id} may go out (a reason is required).`,
      );
    }
    reasons.set(id, reason.slice(0, 1000));
  }
  const open = findings.filter((f) => !reasons.has(f.id));
  if (open.length > 0) {
    throw new TearlineError(
      'TEARLINE_E_SHARING_OPEN_FINDINGS',
      `${open.length} finding(s) of the residual scan are open: acknowledge each with a reason, or change the release and preview it again.`,
      {
        kind: 'conflict',
        details: open.slice(0, 50).map((f) => ({
          subject: f.id,
          path: `${f.objectId} ${f.path}`,
          message: `${f.kind}: "${f.text}"`,
        })),
      },
    );
  }
  return findings.map((f) => ({ findingId: f.id, reason: reasons.get(f.id) as string, by, at }));
}

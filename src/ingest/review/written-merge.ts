import type { DraftItem, DraftRecord } from '../../core/ports/ingest.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import type { IngestDeps } from './review-deps.js';

interface EvidenceSpan {
  report_ref?: unknown;
  start?: unknown;
  end?: unknown;
}

const spansOf = (o: StixObject): EvidenceSpan[] =>
  Array.isArray(o.x_tearline_evidence) ? (o.x_tearline_evidence as EvidenceSpan[]) : [];

/**
 * Whether `incident` already holds the merge of the draft's proposed `item`: it cites the draft's
 * report as corroboration and carries each of the item's evidence spans. True after a merge was
 * written, whatever happened to the draft's items since.
 *
 * @example holdsMergeOf(storedIncident, draft, proposedIncidentItem) // true
 */
export function holdsMergeOf(incident: StixObject, draft: DraftRecord, item: DraftItem): boolean {
  const corroboration = incident.x_tearline_corroboration as { report_refs?: unknown } | undefined;
  const refs = Array.isArray(corroboration?.report_refs) ? corroboration.report_refs : [];
  if (!refs.includes(draft.report.id)) return false;
  const spans = spansOf(item.object);
  const held = spansOf(incident);
  return (
    spans.length > 0 &&
    spans.every((s) =>
      held.some((h) => h.report_ref === s.report_ref && h.start === s.start && h.end === s.end),
    )
  );
}

/**
 * The stored incident a proposed incident was merged into when a crash came between the two
 * writes of a merge: the merged version and the report's new object_refs are written in one
 * transaction, the draft's items after it. The report then lists an incident that is none of the
 * draft's own and holds the merge. Undefined when the item was not merged.
 *
 * @example const target = await findWrittenMerge(deps, draft, items, item)
 */
export async function findWrittenMerge(
  deps: IngestDeps,
  draft: DraftRecord,
  items: readonly DraftItem[],
  item: DraftItem,
): Promise<StixObject | undefined> {
  const report = await deps.objects.getLatest(draft.report.id);
  const listed = Array.isArray(report?.object_refs) ? (report.object_refs as string[]) : [];
  const own = new Set(items.map((i) => String(i.object.id)));
  for (const id of listed) {
    if (!id.startsWith('incident--') || own.has(id)) continue;
    const incident = await deps.objects.getLatest(id);
    if (incident && !incident.revoked && holdsMergeOf(incident, draft, item)) return incident;
  }
  return undefined;
}

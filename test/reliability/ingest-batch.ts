import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DraftItem, DraftRecord } from '../../src/core/ports/ingest.js';
import type { IngestDeps } from '../../src/ingest/review/review-deps.js';

const TOWNS = ['Kerman', 'Mosul', 'Kidal', 'Maiduguri', 'Goma', 'Bunia', 'Mogadishu', 'Kandahar'];
const GROUPS = ['Islamic State Khorasan Province', 'Al-Shabaab', 'Boko Haram', 'JNIM', 'M23'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The text every report of batch `batch` carries, so its drafts are found by their text. */
export const batchMarker = (batch: number, report: number) => `Batch marker RB${batch}x${report}.`;

/**
 * Writes `count` reports for one `tearline ingest` batch into `dir/batch-<n>/` (r00.txt, r01.txt,
 * …, read in that order): two attacks each, with a claimed actor, and a last report that tells the
 * first report's attack again so the accept path also merges. Returns the folder.
 *
 * @example const folder = writeBatch(dir, 3, 8)
 */
export function writeBatch(dir: string, batch: number, count: number): string {
  const folder = join(dir, `batch-${batch}`);
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    const n = i === count - 1 ? 0 : i;
    const town = TOWNS[n % TOWNS.length]!;
    const group = GROUPS[(n + batch) % GROUPS.length]!;
    const day = DAYS[n % DAYS.length]!;
    const text =
      i === count - 1 && count > 1
        ? `${batchMarker(batch, i)} Officials in ${town} said on ${day} that gunmen had stormed a market there, killing ${n + 3} people. ${group} said it carried out the attack.`
        : `${batchMarker(batch, i)} Gunmen attacked a market in ${town} on ${day}, killing ${n + 3} people and wounding ${2 * n + 5}. ${group} claimed responsibility for the attack, officials said. In a separate incident, a roadside bomb killed ${(n % 9) + 2} soldiers near ${TOWNS[(n + 3) % TOWNS.length]} on ${DAYS[(n + 2) % DAYS.length]}; no group claimed it.`;
    writeFileSync(join(folder, `r${String(i).padStart(2, '0')}.txt`), text);
  }
  return folder;
}

/** Where one report of a batch stands after a kill. */
export type ReportStanding = 'absent' | 'complete' | 'resumable';

/**
 * Reads one draft against the knowledge base and returns its standing, or the broken promise:
 * - no half-written incident: an incident of the draft that is stored has each of its
 *   relationships that were not rejected stored too, with both ends, and the report lists it;
 * - complete: state `reviewed` (or `open` with nothing left proposed), every accepted item's object
 *   stored, every merged incident's target stored and corroborated by this report;
 * - resumable: `open` with items still proposed (accept-all finishes it).
 */
export async function judgeDraft(
  deps: IngestDeps,
  draft: DraftRecord,
): Promise<{ standing: ReportStanding } | { broken: string }> {
  const items = await deps.repo.listDraftItems(draft.id);
  const report = await deps.objects.getLatest(draft.report.id);
  const refs = new Set(Array.isArray(report?.object_refs) ? (report.object_refs as string[]) : []);
  const byProposedId = new Map(items.map((i) => [String(i.object.id), i]));
  const stored = async (id: string) => (await deps.objects.getLatest(id)) !== undefined;
  const storedId = (i: DraftItem) => i.resultId ?? i.existingId ?? String(i.object.id);
  for (const incident of items.filter((i) => i.kind === 'incident' && i.state !== 'merged')) {
    if (!(await stored(String(incident.object.id)))) continue;
    if (!refs.has(String(incident.object.id)))
      return { broken: `incident ${incident.itemId} stored but not in the report's object_refs` };
    for (const r of items) {
      if (r.kind !== 'relationship' || r.object.source_ref !== incident.object.id) continue;
      if (r.state === 'rejected') continue;
      const end = byProposedId.get(String(r.object.target_ref));
      if (!(await stored(String(r.object.id))))
        return {
          broken: `incident ${incident.itemId} stored without its relationship ${r.itemId}`,
        };
      if (end && !(await stored(storedId(end))))
        return { broken: `relationship ${r.itemId} stored without its end ${end.itemId}` };
    }
  }
  const proposed = items.filter((i) => i.state === 'proposed');
  if (draft.state === 'queued' || draft.state === 'failed')
    return { broken: `draft left ${draft.state}${draft.error ? ` (${draft.error})` : ''}` };
  if (proposed.length > 0) return { standing: 'resumable' };
  for (const i of items) {
    if (i.state === 'accepted' && !(await stored(storedId(i))))
      return { broken: `item ${i.itemId} accepted but ${storedId(i)} is not stored` };
    if (i.state === 'merged' && i.kind === 'incident') {
      const target = await deps.objects.getLatest(storedId(i));
      const corroboration = target?.x_tearline_corroboration as
        { report_refs?: string[] } | undefined;
      if (!corroboration?.report_refs?.includes(String(draft.report.id)))
        return { broken: `item ${i.itemId} merged but ${storedId(i)} does not cite the report` };
    }
  }
  return { standing: 'complete' };
}

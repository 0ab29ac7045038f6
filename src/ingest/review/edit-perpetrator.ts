import { TearlineError } from '../../core/errors.js';
import type { DraftItem, DraftRecord } from '../../core/ports/ingest.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import {
  toRelationshipObject,
  toThreatActorObject,
  type DraftContext,
} from '../draft/draft-objects.js';
import type { IngestDeps } from './review-deps.js';

const aliasesOf = (o: StixObject): string[] =>
  [o.name, ...(Array.isArray(o.aliases) ? o.aliases : [])].filter(
    (n): n is string => typeof n === 'string',
  );
const namesOf = (o: StixObject): string[] => aliasesOf(o).map((n) => n.toLowerCase());

/** A known threat actor of the store named (or aliased) exactly `name`, case aside. */
async function findStoredActor(deps: IngestDeps, name: string): Promise<StixObject | undefined> {
  const key = name.toLowerCase();
  const found = await deps.objects.search(name, { types: ['threat-actor'], limit: 20 });
  return found.find((o) => !o.revoked && namesOf(o).includes(key));
}

/**
 * The draft's items after making `name` the perpetrator of `incident`: its other proposed
 * `attributed-to` relationships are rejected, and one to the named actor is kept or added. The
 * actor is the draft's own when it names one, else a known actor of the store (matched, as
 * extraction matches), else a new proposed threat-actor; `null` rejects every attribution.
 *
 * @example const items = await setPerpetrator(deps, draft, items, incident, 'ISIS-K', now)
 */
export async function setPerpetrator(
  deps: IngestDeps,
  draft: DraftRecord,
  items: readonly DraftItem[],
  incident: DraftItem,
  name: string | null,
  now: string,
): Promise<DraftItem[]> {
  const wanted = name?.trim() ?? '';
  if (name !== null && (wanted === '' || wanted.length > 250)) {
    throw new TearlineError(
      'TEARLINE_E_INGEST_BAD_EDIT',
      'perpetrator must be an actor name of 1 to 250 characters, or null for none.',
      { details: [{ path: 'perpetrator', message: 'must be an actor name' }] },
    );
  }
  const next = [...items];
  const attributions = next.filter(
    (r) =>
      r.kind === 'relationship' &&
      r.state === 'proposed' &&
      r.object.relationship_type === 'attributed-to' &&
      r.object.source_ref === incident.object.id,
  );
  let actor = wanted
    ? next.find(
        (i) =>
          i.kind === 'threat-actor' &&
          i.state !== 'rejected' &&
          namesOf(i.object).includes(wanted.toLowerCase()),
      )
    : undefined;
  const ctx: DraftContext = { reportId: draft.report.id, grade: draft.grade, now, ids: deps.ids };
  const spans = (
    Array.isArray(incident.object.x_tearline_evidence) ? incident.object.x_tearline_evidence : []
  ) as Array<{ start: number; end: number }>;
  const add = (kind: DraftItem['kind'], object: StixObject, existingId?: string) => {
    const item: DraftItem = {
      draftId: draft.id,
      itemId: object.id,
      kind,
      state: 'proposed',
      object,
      ...(existingId ? { existingId } : {}),
      updated: now,
    };
    next.push(item);
    return item;
  };
  if (wanted && !actor) {
    const known = await findStoredActor(deps, wanted);
    const object = toThreatActorObject(
      typeof known?.name === 'string' ? known.name : wanted,
      known ? aliasesOf(known) : [],
      spans,
      ctx,
    );
    actor = add('threat-actor', object, known?.id);
  }
  const kept = actor && attributions.find((r) => r.object.target_ref === actor.object.id);
  for (const r of attributions) {
    if (r === kept) continue;
    next[next.indexOf(r)] = { ...r, state: 'rejected', updated: now };
  }
  if (actor && !kept) {
    add(
      'relationship',
      toRelationshipObject('attributed-to', incident.object.id, actor.object.id, spans, ctx),
    );
  }
  return next;
}

import type { Clock, IdSource } from '../../core/clock.js';
import { toStixTimestamp } from '../../core/clock.js';
import { createStixId } from '../../core/stix/stix-id.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import type {
  DraftItem,
  DraftItemKind,
  DraftRecord,
  SourceRecord,
} from '../../core/ports/ingest.js';
import type { AdmiraltyGrade } from '../../core/vocab/admiralty.js';
import type { ActorEntity, ExtractOutput, Span } from '../extract-types.js';
import { findActorRecord } from '../gazetteer/find-actor-record.js';
import { isBranchName } from '../events/prefer-branches.js';
import { isStateForce, toStateForceObject } from './state-forces.js';
import {
  toIdentityObject,
  toIncidentObject,
  toLocationObject,
  toPublished,
  toRelationshipObject,
  toThreatActorObject,
  type DraftContext,
} from './draft-objects.js';

/** A report as read, with where it came from, before extraction. */
export interface DraftInput {
  text: string;
  title?: string;
  origin: string;
  url?: string;
  /** `YYYY-MM-DD`. */
  published?: string;
  language: string;
  source?: SourceRecord;
  /** The grade of this report; the source's default grade when left out, else F6. */
  grade?: AdmiraltyGrade;
}

/** Objects already in the store that proposed actors and places are matched against. */
export interface KnownObjects {
  actors: readonly StixObject[];
  locations: readonly StixObject[];
}

/** The grade used when neither the report nor its source gives one: F6, cannot be judged. */
export const UNJUDGED_GRADE: AdmiraltyGrade = { reliability: 'F', credibility: 6 };

const UNNAMED_ACTOR = /^(unidentified|unknown|unnamed)\b/i;

/**
 * The draft's report before extraction: the STIX `report` holding the text, its source and URL,
 * and the record in state `queued` (or `open` when extraction follows at once).
 *
 * @example const draft = createDraftRecord(input, { clock, ids })
 */
export function createDraftRecord(
  input: DraftInput,
  deps: { clock: Clock; ids: IdSource },
  state: DraftRecord['state'] = 'queued',
): DraftRecord {
  const now = toStixTimestamp(deps.clock.now());
  const grade = input.grade ?? input.source?.grade ?? UNJUDGED_GRADE;
  const reportId = createStixId('report', deps.ids);
  const title = input.title?.trim() || firstLine(input.text);
  const sourceName = input.source?.name ?? (input.url ? hostOf(input.url) : undefined);
  const report: StixObject = {
    type: 'report',
    spec_version: '2.1',
    id: reportId,
    created: now,
    modified: now,
    name: title,
    description: input.text,
    report_types: ['threat-report'],
    published: toPublished(input.published, deps.clock),
    object_refs: [],
    ...(sourceName
      ? {
          external_references: [
            {
              source_name: sourceName,
              // STIX 2.1 §2.5: a reference needs a url, an external_id or a description.
              ...(input.url ? { url: input.url } : { description: `Received as ${input.origin}` }),
            },
          ],
        }
      : {}),
    x_tearline_grade: grade,
  };
  return {
    id: deps.ids.uuid(),
    state,
    title,
    origin: input.origin,
    ...(input.url ? { url: input.url } : {}),
    ...(input.published ? { published: input.published } : {}),
    ...(input.source ? { sourceId: input.source.id } : {}),
    grade,
    language: input.language,
    text: input.text,
    report,
    created: now,
    updated: now,
  };
}

/**
 * Turns an extraction into the draft's proposed items: one incident per event, the actors
 * (matched to store actors by name or alias, else new), targets, places, and the
 * `attributed-to` / `located-at` / `targets` relationships, each with its evidence spans.
 *
 * @example const items = createDraftItems(draft, extractDocument({ id, text }), known, { clock, ids })
 */
export function createDraftItems(
  draft: DraftRecord,
  extraction: ExtractOutput,
  known: KnownObjects,
  deps: { clock: Clock; ids: IdSource },
): DraftItem[] {
  const now = toStixTimestamp(deps.clock.now());
  const ctx: DraftContext = { reportId: draft.report.id, grade: draft.grade, now, ids: deps.ids };
  const items: DraftItem[] = [];
  const add = (kind: DraftItemKind, object: StixObject, existingId?: string) => {
    items.push({
      draftId: draft.id,
      itemId: object.id,
      kind,
      state: 'proposed',
      object,
      ...(existingId ? { existingId } : {}),
      updated: now,
    });
    return object.id;
  };

  // Actors: every actor mention grouped by canonical name, spans kept.
  const mentions = new Map<string, { names: string[]; spans: Span[] }>();
  for (const e of extraction.entities) {
    if (e.type !== 'actor') continue;
    const a = e as ActorEntity;
    // "Gunmen" is read as an unidentified group: a claim about the attack, not an actor profile.
    if (UNNAMED_ACTOR.test(a.canonical)) continue;
    const m = mentions.get(a.canonical.toLowerCase()) ?? { names: [a.canonical], spans: [] };
    m.names.push(a.text);
    m.spans.push({ start: a.start, end: a.end });
    mentions.set(a.canonical.toLowerCase(), m);
  }
  const actorIds = new Map<string, string>();
  const actorId = (name: string, evidence: readonly Span[]): string => {
    const key = name.toLowerCase();
    const found = actorIds.get(key);
    if (found) return found;
    const m = mentions.get(key) ?? { names: [name], spans: [...evidence] };
    // A state's forces are proposed as such (an identity of kind state-forces), never as a
    // threat actor to profile (issue 14).
    if (isStateForce(m.names[0]!)) {
      const id = add('identity', toStateForceObject(m.names[0]!, m.spans, ctx));
      actorIds.set(key, id);
      return id;
    }
    const existing = findKnownActor(known.actors, m.names);
    const record = findActorRecord(m.names[0]!);
    const object = toThreatActorObject(
      m.names[0]!,
      [...m.names, ...(record?.aliases ?? [])],
      m.spans,
      ctx,
    );
    // A named person who carried out an attack (a lone gunman, a bomber) is a threat actor
    // acting alone: STIX's attack-resource-level "individual" (issue 14, item 5).
    if (!mentions.has(key) && isNamedPerson(extraction.entities, name))
      object.resource_level = 'individual';
    const id = add('threat-actor', object, existing?.id);
    actorIds.set(key, id);
    return id;
  };
  for (const m of mentions.values()) actorId(m.names[0]!, m.spans);

  const identityIds = new Map<string, string>();
  const locationIds = new Map<string, string>();
  const relationships: Array<{ object: StixObject }> = [];
  for (const event of extraction.events) {
    const incident = toIncidentObject(event, draft.text, extraction.attributions, ctx);
    add('incident', incident);
    for (const actor of event.actors) {
      if (!actor.name || UNNAMED_ACTOR.test(actor.name)) continue;
      if (actor.role === 'target') {
        const key = actor.name.toLowerCase();
        // A state force hit is the same identity as the one its mentions proposed.
        let id = identityIds.get(key) ?? (isStateForce(actor.name) ? actorIds.get(key) : undefined);
        if (!id) {
          id = add('identity', toIdentityObject(actor.name, event.evidence, ctx));
          identityIds.set(key, id);
        }
        relationships.push({
          object: toRelationshipObject('targets', incident.id, id, event.evidence, ctx),
        });
      } else if (actor.role === 'perpetrator' || actor.role === 'claimant') {
        const id = actorId(actor.name, event.evidence);
        if (
          relationships.some(
            (r) => r.object.source_ref === incident.id && r.object.target_ref === id,
          )
        )
          continue;
        // "attributed-to" points at threat actors; a state force acting is related to the incident,
        // and so is a parent group that claimed what its own branch did ("the Islamic State
        // claimed it; ISKP carried it out"): the claim is kept, but the parent's profile, tempo
        // and alerts count only what it did.
        const forBranch =
          actor.role === 'claimant' &&
          event.actors.some((a) => a.role === 'perpetrator' && isBranchName(a.name, actor.name));
        const type = isStateForce(actor.name) || forBranch ? 'related-to' : 'attributed-to';
        relationships.push({
          object: toRelationshipObject(
            type,
            incident.id,
            id,
            event.evidence,
            ctx,
            forBranch ? 'Claimed responsibility for an attack its branch carried out' : undefined,
          ),
        });
      }
    }
    if (event.location) {
      const key = `${event.location.name}|${event.location.country ?? ''}`.toLowerCase();
      let id = locationIds.get(key);
      if (!id) {
        const object = toLocationObject(event.location, event.evidence, ctx);
        if (object) {
          id = add('location', object, findKnownLocation(known.locations, object)?.id);
          locationIds.set(key, id);
        }
      }
      if (id) {
        relationships.push({
          object: toRelationshipObject('located-at', incident.id, id, event.evidence, ctx),
        });
      }
    }
  }
  for (const r of relationships) add('relationship', r.object);
  return items;
}

/** A store actor whose name or one of whose aliases equals one of `names` (case-insensitive). */
export function findKnownActor(
  actors: readonly StixObject[],
  names: readonly string[],
): StixObject | undefined {
  const wanted = new Set(names.map((n) => n.trim().toLowerCase()));
  return actors.find((a) => {
    const own = [a.name, ...(Array.isArray(a.aliases) ? a.aliases : [])];
    return own.some((n) => typeof n === 'string' && wanted.has(n.trim().toLowerCase()));
  });
}

function findKnownLocation(
  locations: readonly StixObject[],
  proposed: StixObject,
): StixObject | undefined {
  const name = String(proposed.name).toLowerCase();
  return locations.find(
    (l) =>
      typeof l.name === 'string' &&
      l.name.toLowerCase() === name &&
      (l.country ?? '') === (proposed.country ?? ''),
  );
}

function firstLine(text: string): string {
  const line = text.trim().split('\n', 1)[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 117).trimEnd()}…` : line || 'Untitled report';
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** True when the name is (the end of) a person the extraction found. */
function isNamedPerson(
  entities: ReadonlyArray<{ type: string; text: string }>,
  name: string,
): boolean {
  return entities.some(
    (e) => e.type === 'person' && (e.text === name || e.text.endsWith(' ' + name)),
  );
}

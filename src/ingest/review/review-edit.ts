import { toStixTimestamp } from '../../core/clock.js';
import { TearlineError } from '../../core/errors.js';
import type { DraftItem } from '../../core/ports/ingest.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import { validateStixObject } from '../../core/stix/validate-stix-object.js';
import { setPerpetrator } from './edit-perpetrator.js';
import {
  geocodeRenamedPlace,
  isPlaceChanged,
  relinkIncidentPlace,
  renameForEdit,
} from './edit-place.js';
import type { IngestDeps } from './review-deps.js';
import { getProposedItemOrThrow } from './review-load.js';

/** What an analyst may change in a proposed item. */
export interface ItemEdit {
  /** The object's own properties; `null` removes one. */
  properties?: Record<string, unknown>;
  /** An incident's conflict-event fields (ACLED types, status, date, place, counts). */
  extension?: Record<string, unknown>;
  /** An incident's perpetrator by name (a draft or known actor, else a new one); `null` for none. */
  perpetrator?: string | null;
}

const FIXED = new Set([
  'type',
  'id',
  'spec_version',
  'created',
  'modified',
  'source_ref',
  'target_ref',
  'x_tearline_evidence',
  'x_tearline_grade',
]);

const badEdit = (message: string, field?: string) =>
  new TearlineError('TEARLINE_E_INGEST_BAD_EDIT', message, {
    ...(field ? { details: [{ path: field, message }] } : {}),
  });

/**
 * The field an analyst knows from a validation path: the conflict-event extension's own key
 * (`fatalities.max`) rather than `.extensions.extension-definition--….fatalities.max`.
 *
 * @example toFieldName(".extensions['extension-definition--7c3b…'].status") // 'status'
 */
export function toFieldName(path: string): string {
  return path
    .replace(/^\.extensions(?:\.|\[')extension-definition--[0-9a-fA-F-]+(?:'\])?/, '')
    .replace(/^\./, '');
}

function applyProperties(object: StixObject, properties: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(properties)) {
    if (FIXED.has(key) || key === 'extensions') {
      throw badEdit(`The property ${key} of a proposed item cannot be edited.`, key);
    }
    if (key === 'name' && (typeof value !== 'string' || value.trim() === '')) {
      throw badEdit('name must be text that is not empty.', 'name');
    }
    if (value === null) delete object[key];
    else object[key] = key === 'name' ? (value as string).trim() : value;
  }
}

/** The conflict-event fields before and after the edit. */
interface ExtensionChange {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

function applyExtension(
  item: DraftItem,
  object: StixObject,
  fields: Record<string, unknown>,
): ExtensionChange {
  const extensions = object.extensions ?? {};
  const [extId] = Object.keys(extensions);
  if (item.kind !== 'incident' || !extId) {
    throw badEdit('Only an incident has conflict-event fields to edit.');
  }
  const before: Record<string, unknown> = extensions[extId] ?? {};
  const ext: Record<string, unknown> = { ...before };
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'extension_type') continue;
    if (value === null) delete ext[key];
    else ext[key] = value;
  }
  geocodeRenamedPlace(before, ext, fields);
  // The schema's pattern lets 2024-02-31 through; a calendar does not.
  const date = ext.event_date;
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const parsed = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
      throw badEdit(`event_date ${date} is not a day of the calendar.`, 'event_date');
    }
  }
  object.extensions = { ...extensions, [extId]: ext };
  return { before, after: ext };
}

/**
 * Edits a proposed item: `properties` replace the object's own (a `null` removes one),
 * `extension` the conflict-event fields of an incident, `perpetrator` the actor an incident is
 * attributed to. Ids, types, timestamps, ends of relationships, evidence and grade cannot be
 * edited. A bad value is refused with the field it concerns named (in the message and the
 * problem's details), and nothing is saved.
 *
 * @example await editItem(deps, draftId, itemId, { extension: { fatalities: { min: 133, max: 145 } } })
 */
export async function editItem(
  deps: IngestDeps,
  draftId: string,
  itemId: string,
  patch: ItemEdit,
): Promise<DraftItem> {
  const { draft, items, item } = await getProposedItemOrThrow(deps, draftId, itemId);
  const object: StixObject = { ...item.object };
  applyProperties(object, patch.properties ?? {});
  const change = patch.extension ? applyExtension(item, object, patch.extension) : undefined;
  if (change && patch.properties?.name === undefined) {
    const renamed = renameForEdit(object.name, change.before, change.after);
    if (renamed) object.name = renamed;
  }
  const issues = validateStixObject(object);
  if (issues.length > 0) {
    const first = issues[0]!;
    const field = toFieldName(first.path) || first.id;
    throw new TearlineError(
      'TEARLINE_E_INGEST_BAD_EDIT',
      `The edit makes the item invalid: ${field} ${first.message}; correct it and send it again.`,
      {
        details: issues.map((i) => ({
          subject: i.id,
          path: toFieldName(i.path),
          message: i.message,
        })),
      },
    );
  }
  const now = toStixTimestamp(deps.clock.now());
  const edited: DraftItem = { ...item, object, updated: now };
  let next = items.map((i) => (i.itemId === edited.itemId ? edited : i));
  const moved = change !== undefined && isPlaceChanged(change.before, change.after);
  if (moved) next = await relinkIncidentPlace(deps, draft, next, edited, change.after, now);
  if (patch.perpetrator === undefined && !moved) {
    await deps.repo.saveDraftItems([edited]);
    return edited;
  }
  if (patch.perpetrator !== undefined) {
    if (item.kind !== 'incident') {
      throw badEdit('Only an incident has a perpetrator.', 'perpetrator');
    }
    next = await setPerpetrator(deps, draft, next, edited, patch.perpetrator, now);
  }
  // Saved with the whole item list: a new actor or relationship is a new row of the draft.
  await deps.repo.saveDraft({ ...draft, updated: now }, next);
  return edited;
}

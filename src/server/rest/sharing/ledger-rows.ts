import type { LedgerEntry, SharingRepositories } from '../../../core/ports/sharing.js';
import type { StixObject } from '../../../core/stix/stix-object.js';

/** A ledger entry with the names a person reads beside the ids. */
export interface LedgerRow extends LedgerEntry {
  partnerName: string;
  /** The released object's name as the partner received it (a relationship: its ends' names). */
  objectName: string;
  objectType: string;
  /** The internal object it was released from, when the release still maps it. */
  sourceId?: string;
}

function nameOf(o: StixObject | undefined): string | undefined {
  return typeof o?.name === 'string' && o.name !== '' ? o.name : undefined;
}

// A relationship reads as a sentence of the names at its ends ("Attack … attributed-to ISIS-K").
function labelOf(
  o: StixObject | undefined,
  fallback: string,
  released: ReadonlyMap<string, StixObject>,
): string {
  if (o?.type === 'relationship' && typeof o.relationship_type === 'string') {
    const end = (ref: unknown) =>
      typeof ref === 'string' ? (nameOf(released.get(ref)) ?? ref.split('--')[0]) : '?';
    return `${end(o.source_ref)} ${o.relationship_type} ${end(o.target_ref)}`;
  }
  return nameOf(o) ?? fallback;
}

/**
 * Ledger entries with their partner's name and the released object's name and type, read from
 * the release's delivered bundle (what the partner received, not what we hold now).
 *
 * @example toLedgerRows(store.sharing, await store.sharing.ledger.listEntries({ partnerId }))
 */
export async function toLedgerRows(
  sharing: Pick<SharingRepositories, 'partners' | 'releases'>,
  entries: readonly LedgerEntry[],
): Promise<LedgerRow[]> {
  const partners = new Map((await sharing.partners.listPartners()).map((p) => [p.id, p.name]));
  const released = new Map<string, StixObject>();
  const sourceOf = new Map<string, string>();
  for (const releaseId of new Set(entries.map((e) => e.releaseId))) {
    const release = await sharing.releases.getRelease(releaseId);
    for (const o of release?.bundle?.objects ?? []) released.set(o.id, o);
    for (const [source, target] of Object.entries(release?.idMap ?? {}))
      sourceOf.set(target, source);
  }
  return entries.map((e) => {
    const object = released.get(e.objectId);
    const sourceId = sourceOf.get(e.objectId);
    return {
      ...e,
      partnerName: partners.get(e.partnerId) ?? e.partnerId,
      objectName: labelOf(object, e.objectId, released),
      objectType: object?.type ?? e.objectId.split('--')[0] ?? '',
      ...(sourceId === undefined ? {} : { sourceId }),
    };
  });
}

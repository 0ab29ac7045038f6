// Related objects a release offers: an incident released with no attribution and no place tells a
// partner little, so each selected incident's attributed-to and located-at relationships whose
// targets the agreement's TLP allows are offered, and included unless the author opts out. The
// offer only adds ids to the selection: the policy decision point still decides every object and
// every reference when the release is built.

import type { Agreement } from '../core/ports/sharing.js';
import type { StixObject } from '../core/stix/stix-object.js';
import type { SharingDeps } from './sharing-deps.js';
import { tlpOfObject, tlpRank } from './tlp.js';

/** One relationship offered with its target. */
export interface RelatedOffer {
  relationshipId: string;
  relationshipType: string;
  /** The selected incident it starts at. */
  sourceId: string;
  targetId: string;
  targetType: string;
  targetName?: string;
  /** Whether the release's selection holds the relationship and its target. */
  included: boolean;
}

const OFFERED_TYPES = new Set(['attributed-to', 'located-at']);
/**
 * Offers are looked up one incident at a time; a scripted selection of more incidents than a
 * person would pick is taken as it is.
 */
export const MAX_INCIDENTS_OFFERED = 1000;

function allowedBy(agreement: Agreement, object: StixObject): boolean {
  const level = tlpOfObject(object) ?? 'amber';
  return object.revoked !== true && tlpRank(level) <= tlpRank(agreement.tlp);
}

/**
 * The attributed-to and located-at relationships of the selected incidents whose relationship
 * and target the agreement's TLP allows, each with whether the selection already holds it.
 *
 * @example const offers = await findRelatedOffers(deps, ['incident--…'], agreement)
 */
export async function findRelatedOffers(
  deps: SharingDeps,
  objectIds: readonly string[],
  agreement: Agreement,
): Promise<RelatedOffer[]> {
  const relationshipsOf = deps.objects.relationshipsOf?.bind(deps.objects);
  if (relationshipsOf === undefined) return [];
  const incidents = objectIds.filter((id) => id.startsWith('incident--'));
  if (incidents.length === 0 || incidents.length > MAX_INCIDENTS_OFFERED) return [];
  const selected = new Set(objectIds);
  const found: StixObject[] = [];
  for (const id of incidents) {
    for (const r of await relationshipsOf(id)) {
      if (
        r.source_ref === id &&
        OFFERED_TYPES.has(String(r.relationship_type)) &&
        typeof r.target_ref === 'string' &&
        allowedBy(agreement, r)
      ) {
        found.push(r);
      }
    }
  }
  if (found.length === 0) return [];
  const targetIds = [...new Set(found.map((r) => r.target_ref as string))];
  const targets = new Map<string, StixObject>();
  for (let i = 0; i < targetIds.length; i += 1000) {
    const chunk = targetIds.slice(i, i + 1000);
    for (const t of await deps.objects.findLatest({ ids: chunk })) targets.set(t.id, t);
  }
  const offers: RelatedOffer[] = [];
  for (const r of found) {
    const target = targets.get(r.target_ref as string);
    if (target === undefined || !allowedBy(agreement, target)) continue;
    offers.push({
      relationshipId: r.id,
      relationshipType: String(r.relationship_type),
      sourceId: r.source_ref as string,
      targetId: target.id,
      targetType: target.type,
      ...(typeof target.name === 'string' ? { targetName: target.name } : {}),
      included: selected.has(r.id) && selected.has(target.id),
    });
  }
  return offers;
}

/** The selection with the offered relationships and their targets added. */
export function withOffers(
  objectIds: readonly string[],
  offers: readonly RelatedOffer[],
): string[] {
  const ids = new Set(objectIds);
  for (const o of offers) {
    ids.add(o.relationshipId);
    ids.add(o.targetId);
  }
  return [...ids];
}

import type { Agreement, Partner, TlpLevel } from '../core/ports/sharing.js';
import type { StixBundle, StixObject } from '../core/stix/stix-object.js';
import { typeOfStixId } from '../core/stix/stix-id.js';
import { getEffectiveState } from './agreement-state.js';
import { applyTransforms, createTransformContext } from './apply-transforms.js';
import { toIepMarkingDefinition } from './iep.js';
import { findMissingReference, rewriteReferences } from './rewrite-references.js';
import {
  TLP2_MARKING_IDS,
  isTlpMarkingId,
  tlpOfObject,
  tlpRank,
  toTlpMarkingDefinition,
} from './tlp.js';
import type { Transform } from './transform.js';
import type { ProseRecognisers } from '../core/ports/prose-recognisers.js';
import type { ProsePlan } from './prose.js';
import { withTierMinimums, type TierMinimums } from './tier-minimums.js';

/** Everything the policy decides from; nothing else (no store, no clock, no randomness). */
export interface PolicyInput {
  partner: Partner;
  /** The partner's agreements (others are ignored). */
  agreements: readonly Agreement[];
  /** The objects asked for: the whole selection, since references are decided over it. */
  objects: readonly StixObject[];
  transforms: readonly Transform[];
  now: Date;
  /** Our own organisation's identity: the released objects' creator, released too. */
  organization: StixObject;
  /** The released id for an internal id: a fresh random UUIDv4 per release, never derived from it. */
  releasedIdFor(internalId: string): string;
  bundleId: string;
  /** The agreement to release under; by default the partner's active one with the highest TLP. */
  agreementId?: string;
  /** The TLP level assumed for objects that carry none (default amber). */
  unmarkedTlp?: TlpLevel;
  /** The extractor's recognisers, to read free text (without them, only sharing's own finders). */
  recognisers?: ProseRecognisers;
  /** The deployment's protected names and phrases: redacted from every release, never released. */
  protectedTerms?: readonly string[];
  /** The transforms each trust tier always gets (default DEFAULT_TIER_MINIMUMS). */
  tierMinimums?: TierMinimums;
}

/** What the policy decided for one asked-for object. */
export interface ObjectDecision {
  sourceId: string;
  released: boolean;
  releasedId?: string;
  /** Why it was withheld. */
  reason?: string;
  /** What the transforms and the reference rules changed. */
  changes: string[];
}

/** The policy's answer: the bundle the partner receives (undefined if nothing) and why. */
export interface PolicyDecision {
  allowed: boolean;
  /** Why nothing may be released at all (no active agreement). */
  reason?: string;
  agreement?: Agreement;
  bundle?: StixBundle;
  decisions: ObjectDecision[];
  /** The transforms applied: those asked for and the partner tier's minimums. */
  transforms: Transform[];
  /** The tier minimums that were added to those asked for. */
  addedByTier: Transform[];
  /** What the transforms did to free text; the residual scan reads the bundle by it. */
  prose?: ProsePlan;
}

const META_TYPES = new Set(['marking-definition', 'extension-definition', 'language-content']);

/**
 * The single policy decision point: decides which of the asked-for objects a partner may receive
 * under its agreements at `now`, and in what form (transformed, re-identified, re-marked, with no
 * reference to anything withheld). Every partner read path calls it.
 *
 * @example const { bundle } = decideRelease({ partner, agreements, objects, transforms, now, organization, releasedIdFor, bundleId })
 */
export function decideRelease(input: PolicyInput): PolicyDecision {
  const agreement = chooseAgreement(input);
  // The trust tier's minimum transforms hold on every path, whatever the author ticked.
  const { transforms, added } = withTierMinimums(
    input.transforms,
    input.partner.trustTier,
    input.tierMinimums,
  );
  if (typeof agreement === 'string') {
    return {
      transforms,
      addedByTier: added,
      allowed: false,
      reason: agreement,
      decisions: input.objects.map((o) => ({
        sourceId: o.id,
        released: false,
        reason: agreement,
        changes: [],
      })),
    };
  }
  const unmarked = input.unmarkedTlp ?? 'amber';
  const context = createTransformContext(input.objects, transforms, {
    ...(input.recognisers === undefined ? {} : { recognisers: input.recognisers }),
    protectedTerms: input.protectedTerms ?? [],
  });
  const applied = { transforms, addedByTier: added, prose: context.prose };
  const decisions = new Map<string, ObjectDecision>();
  const candidates = new Map<string, StixObject>();
  for (const source of latestById(input.objects)) {
    const decision: ObjectDecision = { sourceId: source.id, released: false, changes: [] };
    decisions.set(source.id, decision);
    const level = tlpOfObject(source) ?? unmarked;
    if (META_TYPES.has(source.type)) {
      decision.reason = 'definitions are not released; the agreement supplies the markings';
    } else if (source.revoked === true) {
      decision.reason = 'revoked';
    } else if (source.id === input.organization.id) {
      decision.reason = 'our organisation is released as the creator of every object';
    } else if (tlpRank(level) > tlpRank(agreement.tlp)) {
      decision.reason = `marked TLP:${level.toUpperCase()}, above the agreement's TLP:${agreement.tlp.toUpperCase()}`;
    } else {
      const outcome = applyTransforms(source, transforms, context);
      decision.changes.push(...outcome.changes);
      if (outcome.object === undefined) decision.reason = outcome.dropped;
      else candidates.set(source.id, outcome.object);
    }
  }
  // References are part of the decision: withholding one object may withhold those that need it.
  const releasedIds = new Set(candidates.keys());
  for (let changed = true; changed;) {
    changed = false;
    for (const id of releasedIds) {
      const missing = findMissingReference(candidates.get(id) as StixObject, releasedIds);
      if (missing !== undefined) {
        releasedIds.delete(id);
        (decisions.get(id) as ObjectDecision).reason = missing;
        changed = true;
      }
    }
  }
  const tlpMarking = toTlpMarkingDefinition(agreement.tlp);
  const iepMarking = toIepMarkingDefinition(agreement);
  const map = new Map<string, string>();
  for (const id of releasedIds) map.set(id, input.releasedIdFor(id));
  const publicIds = new Set<string>([tlpMarking.id, iepMarking.id, input.organization.id]);
  const rewrite = {
    map,
    isPublic: (id: string) =>
      publicIds.has(id) || isTlpMarkingId(id) || typeOfStixId(id) === 'extension-definition',
  };
  const stamp = input.now.toISOString();
  const released: StixObject[] = [];
  for (const id of releasedIds) {
    const decision = decisions.get(id) as ObjectDecision;
    const object = candidates.get(id) as StixObject;
    if (object.granular_markings !== undefined) delete object.granular_markings;
    // Our organisation becomes the creator; the internal creator is not a reference to decide.
    if (object.created_by_ref !== undefined) delete object.created_by_ref;
    stripInternalProperties(object, decision.changes);
    const out = rewriteReferences(object, rewrite, decision.changes);
    out.spec_version = '2.1';
    if (object.created !== undefined) {
      out.created = stamp;
      out.modified = stamp;
      out.created_by_ref = input.organization.id;
    }
    out.object_marking_refs = [TLP2_MARKING_IDS[agreement.tlp], iepMarking.id];
    if (out.revoked !== undefined) delete out.revoked;
    decision.released = true;
    decision.releasedId = out.id;
    released.push(out);
  }
  if (released.length === 0) {
    return { ...applied, allowed: true, agreement, decisions: [...decisions.values()] };
  }
  return {
    ...applied,
    allowed: true,
    agreement,
    bundle: {
      type: 'bundle',
      id: input.bundleId as StixBundle['id'],
      objects: [input.organization, tlpMarking, iepMarking, ...released],
    },
    decisions: [...decisions.values()],
  };
}

function chooseAgreement(input: PolicyInput): Agreement | string {
  const own = input.agreements.filter((a) => a.partnerId === input.partner.id);
  if (input.agreementId !== undefined) {
    const a = own.find((x) => x.id === input.agreementId);
    if (a === undefined) return "the agreement is not one of this partner's";
    const state = getEffectiveState(a, input.now);
    return state.state === 'active'
      ? a
      : `the agreement is ${state.state}: ${state.reasons.join('; ')}`;
  }
  const active = own
    .filter((a) => getEffectiveState(a, input.now).state === 'active')
    .sort((a, b) => tlpRank(b.tlp) - tlpRank(a.tlp) || a.created.localeCompare(b.created));
  return active[0] ?? 'the partner has no active agreement';
}

function latestById(objects: readonly StixObject[]): StixObject[] {
  const byId = new Map<string, StixObject>();
  for (const o of objects) {
    const seen = byId.get(o.id);
    if (seen === undefined || (o.modified ?? '') > (seen.modified ?? '')) byId.set(o.id, o);
  }
  return [...byId.values()];
}

// Tearline's own `x_tearline_*` properties (grades, evidence spans, review state) are internal by
// construction: they never leave, whatever the transforms.
function stripInternalProperties(object: StixObject, changes: string[]): void {
  const removed: string[] = [];
  const visit = (record: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(record)) {
      if (key.startsWith('x_tearline_')) {
        delete record[key];
        removed.push(key);
      } else if (value !== null && typeof value === 'object') {
        if (Array.isArray(value)) {
          for (const v of value)
            if (v !== null && typeof v === 'object') visit(v as Record<string, unknown>);
        } else visit(value as Record<string, unknown>);
      }
    }
  };
  visit(object);
  if (removed.length > 0)
    changes.push(`removed internal properties (${[...new Set(removed)].sort().join(', ')})`);
}

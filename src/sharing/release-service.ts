import { type ErrorCode, notFound, TearlineError } from '../core/errors.js';
import type { Release, ReleaseStatus } from '../core/ports/sharing.js';
import type { VersionStamp } from '../core/ports/object-repository.js';
import type { StixObject } from '../core/stix/stix-object.js';
import { getEffectiveState } from './agreement-state.js';
import { getAgreementOrThrow } from './agreement-service.js';
import { sha256Hex, toCanonicalJson } from './canonical-json.js';
import { getOrganization, getPartnerOrThrow } from './partner-service.js';
import { decideRelease, type ObjectDecision, type PolicyDecision } from './policy.js';
import {
  deliverAndRecord,
  getOutboundCollection,
  toRevokedVersions,
  toServedTexts,
} from './release-delivery.js';
import type { Actor, SharingDeps } from './sharing-deps.js';
import { tlpRank } from './tlp.js';
import { parseTransforms } from './transform.js';
import { scanServedTexts } from './residual-scan.js';
import { loadSharingSettings } from './sharing-settings.js';
import { checkAcknowledgements, requirePreviewSeen } from './release-review.js';
import { findRelatedOffers, withOffers, type RelatedOffer } from './related-objects.js';

const MAX_OBJECTS = 100_000;

function conflict(code: ErrorCode, message: string): TearlineError {
  return new TearlineError(code, message);
}

/**
 * The release with this id (with its bundle), or a not-found error.
 *
 * @example const release = await getReleaseOrThrow(deps, id)
 */
export async function getReleaseOrThrow(deps: SharingDeps, id: string): Promise<Release> {
  const release = await deps.sharing.releases.getRelease(id);
  if (release === undefined) {
    throw notFound('TEARLINE_E_SHARING_RELEASE_NOT_FOUND', `No release has the id ${id}.`);
  }
  return release;
}

/**
 * Drafts a release: a selection of knowledge-base objects and the transforms to apply, for one
 * partner under one of its active agreements (by default the one with the highest TLP). The
 * selected incidents' attributed-to and located-at relationships whose targets the agreement
 * allows are offered (`related`) and added to the selection unless `includeRelated` is false.
 *
 * @example await createRelease(deps, actor, { partnerId, objectIds: ['incident--…'], transforms: [{ kind: 'strip-sources' }] })
 */
export async function createRelease(
  deps: SharingDeps,
  actor: Actor,
  input: {
    partnerId: unknown;
    agreementId?: unknown;
    objectIds: unknown;
    transforms?: unknown;
    includeRelated?: unknown;
  },
): Promise<Release & { related: RelatedOffer[] }> {
  const partner = await getPartnerOrThrow(deps.sharing.partners, String(input.partnerId ?? ''));
  const ids = input.objectIds;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((i) => typeof i === 'string')) {
    throw new TearlineError(
      'TEARLINE_E_SHARING_BAD_INPUT',
      'A release needs a list of object ids.',
    );
  }
  if (ids.length > MAX_OBJECTS) {
    throw new TearlineError(
      'TEARLINE_E_SHARING_BAD_INPUT',
      `A release holds at most ${MAX_OBJECTS} objects; split the selection.`,
    );
  }
  const selectedIds = [...new Set(ids as string[])];
  if (input.includeRelated !== undefined && typeof input.includeRelated !== 'boolean') {
    throw new TearlineError(
      'TEARLINE_E_SHARING_BAD_INPUT',
      'includeRelated is true (the default) or false.',
    );
  }
  const transforms = parseTransforms(input.transforms ?? []);
  const missing = await findMissingIds(deps, selectedIds);
  if (missing.length > 0) {
    throw new TearlineError(
      'TEARLINE_E_SHARING_OBJECT_NOT_FOUND',
      `${missing.length} selected object(s) are not in the knowledge base; check the ids.`,
      { details: missing.slice(0, 50).map((subject) => ({ subject, message: 'not found' })) },
    );
  }
  const now = deps.clock.now();
  let agreementId: string;
  if (input.agreementId !== undefined) {
    const agreement = await getAgreementOrThrow(deps, String(input.agreementId));
    if (agreement.partnerId !== partner.id) {
      throw new TearlineError(
        'TEARLINE_E_SHARING_BAD_INPUT',
        'That agreement is with another partner.',
      );
    }
    agreementId = agreement.id;
  } else {
    const active = (await deps.sharing.agreements.listAgreements({ partnerId: partner.id }))
      .filter((a) => getEffectiveState(a, now).state === 'active')
      .sort((a, b) => tlpRank(b.tlp) - tlpRank(a.tlp) || a.created.localeCompare(b.created));
    if (active[0] === undefined) {
      throw conflict(
        'TEARLINE_E_SHARING_NO_ACTIVE_AGREEMENT',
        `${partner.name} has no active agreement, so nothing may be released to it.`,
      );
    }
    agreementId = active[0].id;
  }
  const agreement = await getAgreementOrThrow(deps, agreementId);
  const offered = await findRelatedOffers(deps, selectedIds, agreement);
  const include = input.includeRelated !== false;
  let objectIds = include ? withOffers(selectedIds, offered) : selectedIds;
  // An offer never pushes a selection past the limit: then the selection stays as it was.
  if (objectIds.length > MAX_OBJECTS) objectIds = selectedIds;
  const related = offered.map((o) => ({
    ...o,
    included: objectIds.includes(o.relationshipId) && objectIds.includes(o.targetId),
  }));
  const release: Release = {
    id: deps.ids.uuid(),
    partnerId: partner.id,
    agreementId,
    objectIds,
    transforms,
    status: 'draft',
    author: actor.username,
    created: now.toISOString(),
    idMap: {},
  };
  await deps.sharing.releases.createRelease(release);
  return { ...release, related };
}

/** The selected ids with no object in the knowledge base; counts first, so that a full selection parses nothing. */
async function findMissingIds(deps: SharingDeps, ids: readonly string[]): Promise<string[]> {
  let count = 0;
  for (let i = 0; i < ids.length; i += 1000) {
    count += await deps.objects.countLatest({ ids: ids.slice(i, i + 1000), includeRevoked: true });
  }
  if (count === ids.length) return [];
  const found = new Set((await loadObjects(deps, ids)).map((o) => o.id as string));
  return ids.filter((id) => !found.has(id));
}

/** A read by ids, made 1,000 ids at a time (an `in` list's size stays within both engines' limits). */
async function readByIds<T>(
  ids: readonly string[],
  read: (chunk: readonly string[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 1000) out.push(...(await read(ids.slice(i, i + 1000))));
  return out;
}

function loadObjects(deps: SharingDeps, ids: readonly string[]): Promise<StixObject[]> {
  return readByIds(ids, (chunk) => deps.objects.findLatest({ ids: chunk, includeRevoked: true }));
}

function loadStamps(deps: SharingDeps, ids: readonly string[]): Promise<VersionStamp[]> {
  return readByIds(ids, (chunk) =>
    deps.objects.findLatestStamps({ ids: chunk, includeRevoked: true }),
  );
}

/** One line of a preview: the source object beside what the partner receives, and why. */
export interface PreviewItem {
  source: StixObject;
  released?: StixObject;
  decision: ObjectDecision;
}

/** A preview: exactly the bundle the partner will receive, side by side with the sources. */
export interface ReleasePreview {
  release: Release;
  bundle?: Release['bundle'];
  items: PreviewItem[];
  /** What the residual scan found in the bundle's served bytes (listed first in every view). */
  findings: NonNullable<Release['findings']>;
  /** The transforms applied: those asked for and the partner tier's minimums. */
  appliedTransforms: unknown[];
  /** The selected incidents' related objects the agreement allows, and whether each is included. */
  related: RelatedOffer[];
}

/**
 * What the policy reads for a release, and a fingerprint of it. Without `objects`, only the
 * objects' version stamps are read: enough for the fingerprint (approval), not for the policy.
 */
async function loadInputs(deps: SharingDeps, release: Release, withObjects = true) {
  const partner = await getPartnerOrThrow(deps.sharing.partners, release.partnerId);
  const agreements = await deps.sharing.agreements.listAgreements({ partnerId: partner.id });
  const objects = withObjects ? await loadObjects(deps, release.objectIds) : [];
  const stamps = withObjects
    ? objects.map((o) => ({
        id: o.id,
        modified: o.modified,
        created: o.created,
        revoked: o.revoked === true,
      }))
    : await loadStamps(deps, release.objectIds);
  const organization = await getOrganization(deps);
  const settings = await loadSharingSettings(deps);
  const agreement = agreements.find((a) => a.id === release.agreementId);
  // A STIX version (id + modified) never changes content, so versions stand for the objects.
  const versions = stamps
    .map((o) => `${o.id} ${o.modified ?? o.created ?? ''} ${o.revoked ? 'r' : ''}`)
    .sort();
  const fingerprint = sha256Hex(
    toCanonicalJson({
      versions,
      agreement,
      organization,
      transforms: release.transforms,
      tier: partner.trustTier,
      settings: sha256Hex(toCanonicalJson(settings)),
    }),
  );
  return { partner, agreements, objects, organization, fingerprint, settings };
}

const STALE =
  'The objects or the agreement changed since the preview, so this is not the bundle that was reviewed; preview the release again.';

/**
 * Builds the release through the sharing policy, scans the served bytes for what the transforms
 * promised to remove, and stores exactly that bundle and its findings as the one to approve;
 * returns it beside the source objects with a note per object. `viewer` has now seen it.
 *
 * @example const { bundle, items, findings } = await previewRelease(deps, id, 'ana')
 */
export async function previewRelease(
  deps: SharingDeps,
  id: string,
  viewer?: string,
): Promise<ReleasePreview> {
  const release = await getReleaseOrThrow(deps, id);
  requireStatus(release, ['draft', 'previewed'], 'preview');
  const at = deps.clock.now();
  const { partner, agreements, objects, organization, fingerprint, settings } = await loadInputs(
    deps,
    release,
  );
  const idMap = { ...release.idMap };
  const decision = decideRelease({
    partner,
    agreements,
    agreementId: release.agreementId,
    objects,
    transforms: parseTransforms(release.transforms),
    now: at,
    organization,
    // Fresh random ids per release (never derived from ours); a re-preview keeps them.
    releasedIdFor(internalId) {
      let id = idMap[internalId];
      if (id === undefined) {
        id = `${internalId.slice(0, internalId.indexOf('--'))}--${deps.ids.uuid()}`;
        idMap[internalId] = id;
      }
      return id;
    },
    bundleId: release.bundle?.id ?? `bundle--${deps.ids.uuid()}`,
    ...(deps.recognisers === undefined ? {} : { recognisers: deps.recognisers }),
    protectedTerms: settings.protectedTerms,
    tierMinimums: settings.tierMinimums,
  });
  refuseIfNotAllowed(decision);
  const builtAt = at.toISOString();
  // The residual scan reads the very bytes the partner's collection will store and serve.
  const findings =
    decision.bundle === undefined || decision.prose === undefined
      ? []
      : scanServedTexts(toServedTexts(decision.bundle.objects), decision.prose, organization.id);
  const next: Release = {
    ...release,
    idMap,
    builtAt,
    inputFingerprint: fingerprint,
    appliedTransforms: decision.transforms,
    findings,
    // A new build is a new preview: whoever saw the last one has not seen this one.
    previewSeenBy: viewer === undefined ? {} : { [viewer]: builtAt },
  };
  delete next.acknowledgements;
  if (decision.bundle === undefined) {
    delete next.bundle;
    next.status = 'draft';
  } else {
    next.bundle = decision.bundle;
    next.status = 'previewed';
  }
  await deps.sharing.releases.updateRelease(next);
  return toPreview(next, objects, decision, await relatedOf(deps, next));
}

/**
 * The stored preview of a release, as built (nothing rebuilt): the bundle, its findings and each
 * source beside what the partner receives. `viewer` has now seen this preview, which is what an
 * approval by them requires.
 *
 * @example const preview = await showPreview(deps, id, 'bea')
 */
export async function showPreview(
  deps: SharingDeps,
  id: string,
  viewer: string,
): Promise<ReleasePreview> {
  const release = await getReleaseOrThrow(deps, id);
  if (release.builtAt !== undefined && release.previewSeenBy?.[viewer] !== release.builtAt) {
    release.previewSeenBy = { ...(release.previewSeenBy ?? {}), [viewer]: release.builtAt };
    await deps.sharing.releases.updateRelease(release, { keepBundle: true });
  }
  const objects = await loadObjects(deps, release.objectIds);
  const released = new Map((release.bundle?.objects ?? []).map((o) => [o.id as string, o]));
  const decisions: ObjectDecision[] = objects.map((o) => {
    const releasedId = release.idMap[o.id];
    const isReleased = releasedId !== undefined && released.has(releasedId);
    return {
      sourceId: o.id,
      released: isReleased,
      ...(isReleased ? { releasedId } : { reason: 'withheld at the last preview' }),
      changes: [],
    };
  });
  return toPreview(
    release,
    objects,
    { allowed: true, decisions, transforms: [], addedByTier: [] },
    await relatedOf(deps, release),
  );
}

async function relatedOf(deps: SharingDeps, release: Release): Promise<RelatedOffer[]> {
  const agreement = await getAgreementOrThrow(deps, release.agreementId);
  return findRelatedOffers(deps, release.objectIds, agreement);
}

function refuseIfNotAllowed(decision: PolicyDecision): void {
  if (!decision.allowed) {
    throw conflict(
      'TEARLINE_E_SHARING_NO_ACTIVE_AGREEMENT',
      `Nothing may be released: ${decision.reason ?? 'no active agreement'}.`,
    );
  }
}

function toPreview(
  release: Release,
  objects: StixObject[],
  decision: PolicyDecision,
  related: RelatedOffer[],
): ReleasePreview {
  const bySource = new Map(objects.map((o) => [o.id as string, o]));
  const byReleased = new Map((release.bundle?.objects ?? []).map((o) => [o.id as string, o]));
  const { bundle, ...summary } = release;
  return {
    release: summary,
    ...(bundle === undefined ? {} : { bundle }),
    findings: release.findings ?? [],
    appliedTransforms: release.appliedTransforms ?? release.transforms,
    related,
    items: decision.decisions.map((d) => {
      const released = d.releasedId === undefined ? undefined : byReleased.get(d.releasedId);
      return {
        source: bySource.get(d.sourceId) as StixObject,
        ...(released === undefined ? {} : { released }),
        decision: d,
      };
    }),
  };
}

function requireStatus(release: Release, allowed: ReleaseStatus[], step: string): void {
  if (!allowed.includes(release.status)) {
    throw conflict(
      'TEARLINE_E_SHARING_RELEASE_STATE',
      `A ${release.status} release cannot be ${step === 'preview' ? 'previewed' : `${step}d`}; releases go draft → preview → approve → revoke.`,
    );
  }
}

/**
 * Approves a previewed release as a second person with the approver role, re-checks it through
 * the policy (it must still give the previewed bytes), writes the ledger and delivers it into the
 * partner's outbound collection.
 *
 * @example await approveRelease(deps, { username: 'bea', roles: ['approver'] }, id)
 */
export async function approveRelease(
  deps: SharingDeps,
  approver: Actor,
  id: string,
  options: { acknowledgements?: unknown; requirePreviewSeen?: boolean } = {},
): Promise<Release> {
  const release = await getReleaseOrThrow(deps, id);
  if (!approver.roles.includes('approver') && !approver.roles.includes('admin')) {
    throw new TearlineError(
      'TEARLINE_E_AUTH_FORBIDDEN',
      'Approving a release needs the approver role.',
      {
        kind: 'forbidden',
      },
    );
  }
  if (approver.username === release.author) {
    throw new TearlineError(
      'TEARLINE_E_SHARING_SELF_APPROVAL',
      'You wrote this release, so someone else with the approver role must approve it.',
      { kind: 'forbidden' },
    );
  }
  requireStatus(release, ['previewed'], 'approve');
  if (options.requirePreviewSeen === true) requirePreviewSeen(release, approver.username);
  const now = deps.clock.now();
  const acknowledgements = checkAcknowledgements(
    release,
    options.acknowledgements,
    approver.username,
    now.toISOString(),
  );
  const agreement = await getAgreementOrThrow(deps, release.agreementId);
  const state = getEffectiveState(agreement, now);
  if (state.state !== 'active') {
    throw conflict(
      'TEARLINE_E_SHARING_NO_ACTIVE_AGREEMENT',
      `The agreement is ${state.state} (${state.reasons.join('; ')}), so the release cannot be delivered.`,
    );
  }
  // The policy is deterministic in its inputs: if they are unchanged since the preview, the
  // previewed bundle is exactly what the policy gives now, so it is delivered as reviewed.
  const { partner, fingerprint } = await loadInputs(deps, release, false);
  if (release.bundle === undefined || fingerprint !== release.inputFingerprint) {
    throw conflict('TEARLINE_E_SHARING_RELEASE_STALE', STALE);
  }
  const collection = await getOutboundCollection(deps, partner);
  await deliverAndRecord(deps, {
    release,
    collection,
    objects: release.bundle.objects,
    actor: approver.username,
    action: 'release',
    ...(acknowledgements.length === 0 ? {} : { acknowledgements }),
  });
  const next: Release = {
    ...release,
    ...(acknowledgements.length === 0 ? {} : { acknowledgements }),
    status: 'delivered',
    approver: approver.username,
    approved: now.toISOString(),
    collectionId: collection.id,
  };
  await deps.sharing.releases.updateRelease(next, { keepBundle: true });
  return next;
}

/**
 * Revokes a delivered release: delivers `revoked: true` versions of every released object to the
 * partner's collection and records them in the ledger.
 *
 * @example await revokeRelease(deps, actor, id, 'source compromised')
 */
export async function revokeRelease(
  deps: SharingDeps,
  actor: Actor,
  id: string,
  reason: unknown,
): Promise<Release> {
  const release = await getReleaseOrThrow(deps, id);
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text === '') {
    throw new TearlineError('TEARLINE_E_SHARING_BAD_INPUT', 'Say why the release is revoked.');
  }
  requireStatus(release, ['delivered'], 'revoke');
  const now = deps.clock.now();
  const organization = await getOrganization(deps);
  const revoked = toRevokedVersions(release.bundle?.objects ?? [], organization.id, now);
  const partner = await getPartnerOrThrow(deps.sharing.partners, release.partnerId);
  const collection = await getOutboundCollection(deps, partner);
  await deliverAndRecord(deps, {
    release,
    collection,
    objects: revoked,
    actor: actor.username,
    action: 'revoke',
  });
  const next: Release = {
    ...release,
    status: 'revoked',
    revoked: now.toISOString(),
    revokedBy: actor.username,
    revokeReason: text.slice(0, 1000),
  };
  await deps.sharing.releases.updateRelease(next, { keepBundle: true });
  return next;
}

/**
 * Finishes approvals that a crash interrupted. The ledger is written in one transaction before
 * delivery, so a release still `previewed` whose disclosures are in the ledger was approved and
 * stopped between the ledger and the partner's collection: its bundle is delivered again
 * (adding a version already there keeps it) and the release marked delivered by the approver the
 * ledger names. Afterwards every release is either undelivered with no disclosures or delivered
 * with all of them. Run on start-up and before every sharing command.
 *
 * @example const finished = await completeInterruptedDeliveries(deps) // ['<release id>', …]
 */
export async function completeInterruptedDeliveries(deps: SharingDeps): Promise<string[]> {
  const finished: string[] = [];
  for (const listed of await deps.sharing.releases.listReleases({ status: 'previewed' })) {
    const entries = (await deps.sharing.ledger.listEntries({ releaseId: listed.id })).filter(
      (e) => e.action === 'release',
    );
    const first = entries[0];
    if (first === undefined) continue;
    const release = await getReleaseOrThrow(deps, listed.id);
    if (release.bundle === undefined) continue;
    const partner = await getPartnerOrThrow(deps.sharing.partners, release.partnerId);
    const collection = await getOutboundCollection(deps, partner);
    const objects = release.bundle.objects;
    await deps.collections.addObjects(collection.id, objects, first.at, toServedTexts(objects));
    await deps.sharing.releases.updateRelease(
      {
        ...release,
        status: 'delivered',
        approver: first.approver,
        approved: first.at,
        collectionId: collection.id,
      },
      { keepBundle: true },
    );
    finished.push(release.id);
  }
  return finished;
}

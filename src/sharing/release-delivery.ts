import { TearlineError } from '../core/errors.js';
import type { Collection } from '../core/ports/collection-repository.js';
import type {
  FindingAcknowledgement,
  LedgerEntry,
  Partner,
  Release,
} from '../core/ports/sharing.js';
import type { StixObject } from '../core/stix/stix-object.js';
import { sha256Hex, toCanonicalJson } from './canonical-json.js';
import { sealLedgerEntries, type LedgerDraft } from './ledger.js';
import type { SharingDeps } from './sharing-deps.js';

/** The TAXII media type of STIX 2.1 content (TAXII 2.1 §1.6.8). */
const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

/**
 * The partner's outbound collection, created through the CollectionRepository port on first need.
 *
 * @example const collection = await getOutboundCollection(deps, partner)
 */
export async function getOutboundCollection(
  deps: SharingDeps,
  partner: Partner,
): Promise<Collection> {
  const existing = (await deps.collections.listCollections({ partnerId: partner.id })).find(
    (c) => c.direction === 'outbound',
  );
  if (existing !== undefined) return existing;
  const collection: Collection = {
    id: deps.ids.uuid(),
    title: `Releases to ${partner.name}`,
    description: 'Tearlines released to this partner under its sharing agreements.',
    canRead: true,
    canWrite: false,
    mediaTypes: [STIX_MEDIA_TYPE],
    partnerId: partner.id,
    direction: 'outbound',
  };
  await deps.collections.createCollection(collection);
  return collection;
}

/**
 * The text a partner's collection stores and serves for each delivered object: its canonical
 * JSON, so that the ledger's SHA-256 of it is the hash of the very bytes the partner receives.
 *
 * @example await collections.addObjects(collectionId, objects, at, toServedTexts(objects))
 */
export function toServedTexts(objects: readonly StixObject[]): string[] {
  return objects.map((o) => toCanonicalJson(o));
}

/**
 * Writes one ledger entry per delivered object (SHA-256 of its served text, toServedTexts), then
 * delivers the objects into the collection. The ledger is written first: a disclosure that failed to
 * arrive is over-reported, never one that arrived left out.
 *
 * @example await deliverAndRecord(deps, { release, partner, collection, objects, actor: 'bea', action: 'release' })
 */
export async function deliverAndRecord(
  deps: SharingDeps,
  input: {
    release: Release;
    collection: Collection;
    objects: readonly StixObject[];
    actor: string;
    action: LedgerEntry['action'];
    /** The approver's acknowledgements of findings: written on the release's first entry. */
    acknowledgements?: readonly FindingAcknowledgement[];
  },
): Promise<LedgerEntry[]> {
  const at = deps.clock.now().toISOString();
  const texts = toServedTexts(input.objects);
  const drafts: LedgerDraft[] = input.objects.map((o, i) => ({
    partnerId: input.release.partnerId,
    objectId: o.id,
    objectVersion: o.modified ?? o.created ?? '',
    sha256: sha256Hex(texts[i]!),
    releaseId: input.release.id,
    approver: input.actor,
    action: input.action,
    at,
    ...(i === 0 && input.acknowledgements !== undefined && input.acknowledgements.length > 0
      ? { acknowledgements: toCanonicalJson(input.acknowledgements) }
      : {}),
  }));
  // A release is recorded and delivered once: of two approvals at the same moment, the second
  // finds the first's entries under the ledger's lock and delivers nothing.
  const entries = await deps.sharing.ledger.append((head) => sealLedgerEntries(head, drafts), {
    once: { releaseId: input.release.id, action: input.action },
  });
  if (entries.length === 0 && drafts.length > 0)
    throw new TearlineError(
      'TEARLINE_E_SHARING_RELEASE_STATE',
      `Release ${input.release.id} was already ${input.action === 'release' ? 'approved' : 'revoked'} by someone else; reload it.`,
      { kind: 'conflict' },
    );
  await deps.collections.addObjects(input.collection.id, input.objects, at, texts);
  return entries;
}

/**
 * Revoked versions of what a release delivered (STIX 2.1 §3.6: same id, `revoked: true`, a later
 * `modified`), leaving out our identity and the marking definitions, which stay valid.
 *
 * @example const revocations = toRevokedVersions(release.bundle.objects, organizationId, new Date())
 */
export function toRevokedVersions(
  objects: readonly StixObject[],
  organizationId: string,
  now: Date,
): StixObject[] {
  return objects
    .filter(
      (o) => o.type !== 'marking-definition' && o.id !== organizationId && o.created !== undefined,
    )
    .map((o) => {
      const after = Date.parse(o.modified ?? o.created ?? '') + 1;
      const modified = new Date(Math.max(now.getTime(), after)).toISOString();
      return { ...o, revoked: true, modified };
    });
}

import {
  AGREEMENT_ACTIONS,
  type Agreement,
  type AgreementEvent,
  type LedgerEntry,
  type Partner,
  type PartnerCredential,
  type Release,
} from '../../../core/ports/sharing.js';
import type { AgreementView } from '../../../sharing/agreement-service.js';
import type { LedgerVerdict } from '../../../sharing/ledger.js';
import type { ReleasePreview } from '../../../sharing/release-service.js';
import type { SharingSettings } from '../../../sharing/sharing-settings.js';
import type { RelatedOffer } from '../../../sharing/related-objects.js';
import type { LedgerRow } from './ledger-rows.js';
import type { Covers } from '../../openapi/schema-coverage.js';
import { stixObjectSchema } from '../objects/object-schemas.js';
import { optionalJsonBody } from '../../openapi/optional-json-body.js';

// Request and response schemas of the sharing routes (ADR 0028). The sharing services keep every
// semantic check (tiers, TLP, IEP values, dates, transforms); these schemas give the shapes.
// Bodies name no required fields: a missing one is refused by the service, in its own words.

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const strings = { type: 'array', items: str } as const;
/** A transform (`{kind, …}`); its parameters depend on the kind (src/sharing/transforms). */
const transformSchema = {
  type: 'object',
  required: ['kind'],
  additionalProperties: true,
  properties: { kind: str },
} as const;
const reasonBody = {
  type: 'object',
  additionalProperties: false,
  properties: { reason: { type: 'string', maxLength: 2000 } },
} as const;

export const partnerSchema = {
  type: 'object',
  required: ['id', 'name', 'trustTier', 'identity', 'created'],
  properties: {
    id: str,
    name: str,
    trustTier: { type: 'string', enum: ['close', 'trusted', 'limited', 'minimal'] },
    identity: stixObjectSchema,
    created: str,
    /** The transforms the partner's trust tier adds to every release (listed, never unticked). */
    minimumTransforms: { type: 'array', items: transformSchema },
  },
} as const;

export const partnerListResponse = {
  type: 'object',
  required: ['partners'],
  properties: { partners: { type: 'array', items: partnerSchema } },
} as const;

export const partnerBody = {
  type: 'object',
  additionalProperties: false,
  properties: { name: { type: 'string', maxLength: 200 }, trustTier: str },
} as const;

const credentialSchema = {
  type: 'object',
  required: ['id', 'partnerId', 'label', 'created'],
  properties: { id: str, partnerId: str, label: str, created: str, revoked: str },
} as const;

export const credentialListResponse = {
  type: 'object',
  required: ['credentials'],
  properties: { credentials: { type: 'array', items: credentialSchema } },
} as const;

/** Optional: without a body the credential gets the default label. */
export const credentialBody = optionalJsonBody({
  type: 'object',
  additionalProperties: false,
  properties: { label: { type: 'string', maxLength: 200 } },
} as const);

/** The new credential and its secret, shown this once. */
export const issuedCredentialResponse = {
  type: 'object',
  required: ['credential', 'secret'],
  properties: { credential: credentialSchema, secret: str },
} as const;

const iepSchema = {
  type: 'object',
  required: [
    'permittedActions',
    'affectedPartyNotifications',
    'attribution',
    'unmodifiedResale',
    'encryptInTransit',
  ],
  properties: {
    permittedActions: str,
    affectedPartyNotifications: str,
    attribution: str,
    unmodifiedResale: str,
    encryptInTransit: str,
  },
} as const;

const conditionSchema = {
  type: 'object',
  required: ['id', 'text', 'reviewDate', 'expires'],
  properties: { id: str, text: str, reviewDate: str, expires: str, breached: str },
} as const;

export const agreementSchema = {
  type: 'object',
  required: [
    'id',
    'partnerId',
    'title',
    'tlp',
    'iep',
    'iepMarkingUuid',
    'conditions',
    'state',
    'created',
    'modified',
  ],
  properties: {
    id: str,
    partnerId: str,
    title: str,
    tlp: { type: 'string', enum: ['clear', 'green', 'amber', 'amber+strict', 'red'] },
    iep: iepSchema,
    iepMarkingUuid: str,
    conditions: { type: 'array', items: conditionSchema },
    state: { type: 'string', enum: ['active', 'suspended', 'ended'] },
    created: str,
    modified: str,
    expires: str,
  },
} as const;

const effectiveSchema = {
  type: 'object',
  required: ['state', 'reasons'],
  properties: {
    state: { type: 'string', enum: ['active', 'suspended', 'ended'] },
    reasons: strings,
  },
} as const;

export const agreementListResponse = {
  type: 'object',
  required: ['agreements'],
  properties: {
    agreements: {
      type: 'array',
      items: {
        type: 'object',
        required: ['agreement', 'effective'],
        properties: { agreement: agreementSchema, effective: effectiveSchema },
      },
    },
  },
} as const;

const agreementEventSchema = {
  type: 'object',
  required: ['agreementId', 'at', 'actor', 'action', 'reason'],
  properties: {
    agreementId: str,
    at: str,
    actor: str,
    // Enumerated, so that the web app can name each action exhaustively.
    action: { type: 'string', enum: AGREEMENT_ACTIONS },
    reason: str,
  },
} as const;

export const agreementViewResponse = {
  type: 'object',
  required: ['agreement', 'effective', 'events'],
  properties: {
    agreement: agreementSchema,
    effective: effectiveSchema,
    events: { type: 'array', items: agreementEventSchema },
  },
} as const;

export const agreementBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    partnerId: str,
    title: { type: 'string', maxLength: 500 },
    tlp: str,
    iep: { type: 'object', additionalProperties: { type: 'string' } },
    expires: str,
    reason: { type: 'string', maxLength: 2000 },
  },
} as const;

export const agreementReasonBody = reasonBody;

export const agreementEndedResponse = {
  type: 'object',
  required: ['agreement', 'revokedReleases'],
  properties: { agreement: agreementSchema, revokedReleases: strings },
} as const;

export const conditionBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    text: { type: 'string', maxLength: 2000 },
    reviewDate: str,
    expires: str,
    reason: { type: 'string', maxLength: 2000 },
  },
} as const;

/** A breach (analyst) or a review with the next review date (approver). */
export const conditionUpdateBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    breached: { type: 'boolean' },
    nextReviewDate: str,
    reason: { type: 'string', maxLength: 2000 },
  },
} as const;

const findingSchema = {
  type: 'object',
  required: ['id', 'kind', 'objectId', 'path', 'text', 'start', 'end'],
  properties: {
    id: str,
    kind: str,
    objectId: str,
    path: str,
    text: str,
    start: int,
    end: int,
  },
} as const;

const bundleSchema = {
  type: 'object',
  required: ['type', 'id', 'objects'],
  properties: {
    type: { type: 'string', enum: ['bundle'] },
    id: str,
    objects: { type: 'array', items: stixObjectSchema },
  },
} as const;

/** A release as the API shows it: everything but the internal id map. */
export const releaseSchema = {
  type: 'object',
  required: [
    'id',
    'partnerId',
    'agreementId',
    'objectIds',
    'transforms',
    'status',
    'author',
    'created',
  ],
  properties: {
    id: str,
    partnerId: str,
    agreementId: str,
    objectIds: strings,
    transforms: { type: 'array', items: transformSchema },
    status: { type: 'string', enum: ['draft', 'previewed', 'delivered', 'revoked'] },
    author: str,
    created: str,
    builtAt: str,
    inputFingerprint: str,
    bundle: bundleSchema,
    appliedTransforms: { type: 'array', items: transformSchema },
    findings: { type: 'array', items: findingSchema },
    previewSeenBy: { type: 'object', additionalProperties: str },
    acknowledgements: {
      type: 'array',
      items: {
        type: 'object',
        required: ['findingId', 'reason', 'by', 'at'],
        properties: { findingId: str, reason: str, by: str, at: str },
      },
    },
    approver: str,
    approved: str,
    collectionId: str,
    revoked: str,
    revokedBy: str,
    revokeReason: str,
  },
} as const;

export const releaseListResponse = {
  type: 'object',
  required: ['releases'],
  properties: { releases: { type: 'array', items: releaseSchema } },
} as const;

/** Open on purpose: the release form grows options (tearline choices) faster than this file. */
/** A related object offered with a release: the selected incident's link the agreement allows. */
const relatedOfferSchema = {
  type: 'object',
  required: [
    'relationshipId',
    'relationshipType',
    'sourceId',
    'targetId',
    'targetType',
    'included',
  ],
  properties: {
    relationshipId: str,
    relationshipType: str,
    sourceId: str,
    targetId: str,
    targetType: str,
    targetName: str,
    included: { type: 'boolean' },
  },
} as const;

/** A release as it is drafted: with the related objects it offered. */
export const createdReleaseSchema = {
  ...releaseSchema,
  required: [...releaseSchema.required, 'related'],
  properties: {
    ...releaseSchema.properties,
    related: { type: 'array', items: relatedOfferSchema },
  },
} as const;

export const releaseBody = {
  type: 'object',
  additionalProperties: true,
  properties: {
    partnerId: str,
    agreementId: str,
    objectIds: { type: 'array', maxItems: 10_000, items: str },
    transforms: { type: 'array', maxItems: 100, items: transformSchema },
    includeRelated: { type: 'boolean' },
  },
} as const;

export const previewResponse = {
  type: 'object',
  required: ['release', 'items', 'findings', 'appliedTransforms'],
  properties: {
    release: releaseSchema,
    bundle: bundleSchema,
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['source', 'decision'],
        properties: {
          source: stixObjectSchema,
          released: stixObjectSchema,
          decision: {
            type: 'object',
            required: ['sourceId', 'released', 'changes'],
            properties: {
              sourceId: str,
              released: { type: 'boolean' },
              releasedId: str,
              reason: str,
              changes: strings,
            },
          },
        },
      },
    },
    findings: { type: 'array', items: findingSchema },
    appliedTransforms: { type: 'array', items: transformSchema },
    related: { type: 'array', items: relatedOfferSchema },
  },
} as const;

/** Every finding of the fetched preview acknowledged with a reason (no body: no findings). */
export const approveBody = optionalJsonBody({
  type: 'object',
  additionalProperties: false,
  properties: {
    acknowledgements: {
      type: 'array',
      maxItems: 10_000,
      items: {
        type: 'object',
        required: ['findingId', 'reason'],
        properties: { findingId: str, reason: { type: 'string', maxLength: 2000 } },
      },
    },
  },
} as const);

export const releaseReasonBody = reasonBody;

const tierMinimumsSchema = {
  type: 'object',
  additionalProperties: { type: 'array', items: transformSchema },
  properties: {
    close: { type: 'array', items: transformSchema },
    trusted: { type: 'array', items: transformSchema },
    limited: { type: 'array', items: transformSchema },
    minimal: { type: 'array', items: transformSchema },
  },
} as const;

export const settingsSchema = {
  type: 'object',
  required: ['protectedTerms', 'tierMinimums'],
  properties: { protectedTerms: strings, tierMinimums: tierMinimumsSchema },
} as const;

export const settingsBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    protectedTerms: { type: 'array', maxItems: 5000, items: str },
    tierMinimums: { type: 'object', additionalProperties: true },
  },
} as const;

export const ledgerEntrySchema = {
  type: 'object',
  required: [
    'seq',
    'partnerId',
    'objectId',
    'objectVersion',
    'sha256',
    'releaseId',
    'approver',
    'action',
    'at',
    'prevHash',
    'hash',
  ],
  properties: {
    seq: int,
    partnerId: str,
    objectId: str,
    objectVersion: str,
    sha256: str,
    releaseId: str,
    approver: str,
    action: { type: 'string', enum: ['release', 'revoke'] },
    at: str,
    acknowledgements: str,
    prevHash: str,
    hash: str,
  },
} as const;

/** A ledger entry with the names the API puts beside its ids. */
export const ledgerRowSchema = {
  ...ledgerEntrySchema,
  required: [...ledgerEntrySchema.required, 'partnerName', 'objectName', 'objectType'],
  properties: {
    ...ledgerEntrySchema.properties,
    partnerName: str,
    objectName: str,
    objectType: str,
    sourceId: str,
  },
} as const;

export const ledgerListResponse = {
  type: 'object',
  required: ['entries'],
  properties: { entries: { type: 'array', items: ledgerRowSchema } },
} as const;

export const ledgerVerdictResponse = {
  type: 'object',
  required: ['ok', 'entries'],
  properties: {
    ok: { type: 'boolean' },
    entries: int,
    head: str,
    badSeq: int,
    position: int,
    reason: str,
  },
} as const;

export const noContent = { type: 'null', description: 'Done; no body' } as const;

const covered: [
  Covers<Partner, typeof partnerSchema>,
  Covers<Omit<PartnerCredential, 'secretHash'>, typeof credentialSchema>,
  Covers<Agreement, typeof agreementSchema>,
  Covers<AgreementEvent, typeof agreementEventSchema>,
  Covers<AgreementView, typeof agreementViewResponse>,
  Covers<Omit<Release, 'idMap'>, typeof releaseSchema>,
  Covers<Omit<ReleasePreview, 'release'>, typeof previewResponse>,
  Covers<SharingSettings, typeof settingsSchema>,
  Covers<LedgerEntry, typeof ledgerEntrySchema>,
  Covers<LedgerRow, typeof ledgerRowSchema>,
  Covers<RelatedOffer, typeof relatedOfferSchema>,
  Covers<LedgerVerdict, typeof ledgerVerdictResponse>,
] = [true, true, true, true, true, true, true, true, true, true, true, true];
void covered;

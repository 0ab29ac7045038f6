import type { StixObject } from '../stix/stix-object.js';

/** A TLP 2.0 level, lowest (most shareable) first. */
export type TlpLevel = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';

/** How far we trust a partner; informs analysts, the agreement decides what is released. */
export type TrustTier = 'close' | 'trusted' | 'limited' | 'minimal';

/** A partner organisation. Its id is the id of its STIX `identity` (identity_class organization). */
export interface Partner {
  id: string;
  name: string;
  trustTier: TrustTier;
  identity: StixObject;
  created: string;
}

/** A machine credential of a partner's TAXII client: only the SHA-256 of the secret is stored. */
export interface PartnerCredential {
  /** UUID, shown to list and revoke the credential. */
  id: string;
  partnerId: string;
  label: string;
  secretHash: string;
  created: string;
  revoked?: string;
}

/** IEP 2.0 terms of an agreement (FIRST IEP 2.0 framework, fields in JSON form). */
export interface IepTerms {
  permittedActions:
    | 'none'
    | 'contact-for-instruction'
    | 'internally-visible-actions'
    | 'externally-visible-indirect-actions'
    | 'externally-visible-direct-actions';
  affectedPartyNotifications: 'may' | 'must-not';
  attribution: 'may' | 'must' | 'must-not';
  unmodifiedResale: 'may' | 'must-not';
  encryptInTransit: 'must' | 'may';
}

/** A commitment by the partner, reviewed on a date and expiring on another (STIX timestamps). */
export interface AgreementCondition {
  /** UUID. */
  id: string;
  text: string;
  reviewDate: string;
  expires: string;
  /** When the condition was found breached; a breached condition suspends the agreement. */
  breached?: string;
}

/** The state stored by transitions; the effective state also depends on the clock. */
export type AgreementState = 'active' | 'suspended' | 'ended';

/** A sharing agreement with one partner. */
export interface Agreement {
  /** UUID. */
  id: string;
  partnerId: string;
  title: string;
  /** The highest TLP 2.0 level releasable under this agreement. */
  tlp: TlpLevel;
  iep: IepTerms;
  /** UUID of the IEP 2.0 marking-definition built from these terms (stable per agreement). */
  iepMarkingUuid: string;
  conditions: AgreementCondition[];
  state: AgreementState;
  created: string;
  modified: string;
  /** When the agreement ends by itself (STIX timestamp); undefined for no end date. */
  expires?: string;
}

/** What can happen to an agreement, as its history records it (the API lists them too). */
export const AGREEMENT_ACTIONS = [
  'created',
  'suspended',
  'resumed',
  'ended',
  'condition-added',
  'condition-breached',
  'condition-reviewed',
] as const;

/** One of AGREEMENT_ACTIONS. */
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];

/** One recorded change of an agreement: who, when, what and why. */
export interface AgreementEvent {
  agreementId: string;
  at: string;
  actor: string;
  action: AgreementAction;
  reason: string;
}

/** Where a release is in its life. */
export type ReleaseStatus = 'draft' | 'previewed' | 'delivered' | 'revoked';

/** Something the residual scan found in the served bytes that a transform promised to remove. */
export interface ReleaseFinding {
  /** Stable for the same bytes: a hash of where and what. */
  id: string;
  kind:
    | 'person-like'
    | 'attribution'
    | 'dateline'
    | 'contact'
    | 'coordinates'
    | 'place'
    | 'date'
    | 'protected';
  /** The released object's id. */
  objectId: string;
  /** The property path (`description`; `… (key)` for text in a key). */
  path: string;
  /** The text found, and its offsets in the property's text. */
  text: string;
  start: number;
  end: number;
}

/** An approver's acknowledgement of a finding: the reason it may go out as it is. */
export interface FindingAcknowledgement {
  findingId: string;
  reason: string;
  by: string;
  at: string;
}

/** A release: a selection of internal objects, the transforms, and what was built from them. */
export interface Release {
  /** UUID. */
  id: string;
  partnerId: string;
  agreementId: string;
  objectIds: string[];
  /** Transform descriptions (JSON), applied in order by the sharing policy. */
  transforms: unknown[];
  status: ReleaseStatus;
  author: string;
  created: string;
  /** Internal id → released id, kept so that a rebuild at approval gives the same bytes. Never sent. */
  idMap: Record<string, string>;
  /** When the preview was built (the released objects' created/modified). */
  builtAt?: string;
  /** SHA-256 of the policy's inputs at preview (object versions, agreement, transforms, creator). */
  inputFingerprint?: string;
  /** The bundle exactly as previewed and delivered. */
  bundle?: { type: 'bundle'; id: string; objects: StixObject[] };
  /** The transforms applied at the last preview: those asked for plus the tier's minimums. */
  appliedTransforms?: unknown[];
  /** What the residual scan found in the previewed bundle (empty when clean). */
  findings?: ReleaseFinding[];
  /** Who fetched the current preview: username → the `builtAt` they saw. */
  previewSeenBy?: Record<string, string>;
  /** The approver's acknowledgements of the findings, written to the ledger too. */
  acknowledgements?: FindingAcknowledgement[];
  approver?: string;
  approved?: string;
  collectionId?: string;
  revoked?: string;
  revokedBy?: string;
  revokeReason?: string;
}

/** A disclosure about to be written to the ledger (hashes are computed by the sharing ledger). */
export interface LedgerEntry {
  /** Position in the chain, from 1. */
  seq: number;
  partnerId: string;
  /** The released object's id and version (`modified`) as the partner received them. */
  objectId: string;
  objectVersion: string;
  /** SHA-256 (hex) of the canonical bytes of the object delivered. */
  sha256: string;
  releaseId: string;
  approver: string;
  action: 'release' | 'revoke';
  at: string;
  /** The release's acknowledged findings (canonical JSON), on its first entry only. */
  acknowledgements?: string;
  /** Hash of the previous entry ('' for the first). */
  prevHash: string;
  /** SHA-256 over prevHash and this entry's canonical content. */
  hash: string;
}

/** Storage of partners and their credentials. */
export interface PartnerRepository {
  createPartner(partner: Partner): Promise<void>;
  getPartner(id: string): Promise<Partner | undefined>;
  listPartners(): Promise<Partner[]>;
  addCredential(credential: PartnerCredential): Promise<void>;
  /** A partner's credentials, newest first, revoked included. */
  listCredentials(partnerId: string): Promise<PartnerCredential[]>;
  findCredentialByHash(secretHash: string): Promise<PartnerCredential | undefined>;
  /**
   * The partner owning the unrevoked credential with this hash, in one lookup (TAXII auth), with
   * the sharing state's token read in the same statement (migration 0302, StateCache).
   */
  findPartnerByLiveCredential(
    secretHash: string,
  ): Promise<{ id: string; name: string; sharingState: string } | undefined>;
  /** Marks a credential revoked; false when no live credential has this id. */
  revokeCredential(id: string, at: string): Promise<boolean>;
  /** Our own organisation's identity, the creator of every released object. */
  getOwnIdentity(): Promise<StixObject | undefined>;
  /** Stores our identity unless one is already stored; returns the stored one. */
  setOwnIdentity(identity: StixObject): Promise<StixObject>;
}

/** Storage of agreements; every write carries the event that explains it, in one transaction. */
export interface AgreementRepository {
  createAgreement(agreement: Agreement, event: AgreementEvent): Promise<void>;
  updateAgreement(agreement: Agreement, event: AgreementEvent): Promise<void>;
  getAgreement(id: string): Promise<Agreement | undefined>;
  listAgreements(filter?: { partnerId?: string }): Promise<Agreement[]>;
  /** An agreement's history, oldest first. */
  listEvents(agreementId: string): Promise<AgreementEvent[]>;
}

/** Storage of releases. */
export interface ReleaseRepository {
  createRelease(release: Release): Promise<void>;
  /** Stores the release; with `keepBundle` the stored bundle is left as it is (not rewritten). */
  updateRelease(release: Release, options?: { keepBundle?: boolean }): Promise<void>;
  getRelease(id: string): Promise<Release | undefined>;
  /** Releases, newest first, without their bundles. */
  listReleases(filter?: {
    partnerId?: string;
    agreementId?: string;
    status?: ReleaseStatus;
  }): Promise<Release[]>;
}

/** The chain head a new ledger entry links to. */
export interface LedgerHead {
  seq: number;
  hash: string;
}

/** The append-only disclosure ledger. */
export interface LedgerRepository {
  /**
   * Appends entries in one transaction: `seal` receives the current head (undefined when empty),
   * under a lock, and returns the sealed entries to insert. With `once`, nothing is appended (and
   * [] returned) when the ledger already holds an entry of that release and action: under the same
   * lock, so of two concurrent approvals exactly one records and delivers.
   */
  append(
    seal: (head: LedgerHead | undefined) => LedgerEntry[],
    options?: { once?: { releaseId: string; action: LedgerEntry['action'] } },
  ): Promise<LedgerEntry[]>;
  /** Every entry, in `seq` order. */
  listEntries(filter?: { partnerId?: string; releaseId?: string }): Promise<LedgerEntry[]>;
}

/** The deployment's sharing settings (protected terms, tier minimums): JSON values by key. */
export interface SharingSettingsRepository {
  getSetting(key: string): Promise<unknown>;
  putSetting(key: string, value: unknown): Promise<void>;
}

/** The sharing area's repositories, as the store provides them. */
export interface SharingRepositories {
  partners: PartnerRepository;
  agreements: AgreementRepository;
  releases: ReleaseRepository;
  ledger: LedgerRepository;
  /** Absent in stores that keep no settings (tests' fakes): defaults apply. */
  settings?: SharingSettingsRepository;
}

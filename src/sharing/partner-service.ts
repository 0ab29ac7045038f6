import { notFound, TearlineError } from '../core/errors.js';
import type {
  AuthenticatedPartner,
  PartnerAccess,
  PartnerAuthenticator,
} from '../core/ports/partner-access.js';
import type {
  Agreement,
  AgreementRepository,
  Partner,
  PartnerCredential,
  PartnerRepository,
  TrustTier,
} from '../core/ports/sharing.js';
import type { StixObject } from '../core/stix/stix-object.js';
import { StateCache } from '../core/state-cache.js';
import { getPartnerAccessLevel } from './agreement-state.js';
import { createPartnerSecret, toSecretHash } from './partner-credential.js';
import type { SharingDeps } from './sharing-deps.js';

/** The trust tiers, closest first. */
export const TRUST_TIERS: readonly TrustTier[] = ['close', 'trusted', 'limited', 'minimal'];

function badInput(message: string): TearlineError {
  return new TearlineError('TEARLINE_E_SHARING_BAD_INPUT', message);
}

/**
 * Registers a partner organisation: a STIX identity (identity_class organization) with a trust tier.
 *
 * @example await addPartner(deps, { name: 'Northern Service', trustTier: 'limited' })
 */
export async function addPartner(
  deps: SharingDeps,
  input: { name: unknown; trustTier: unknown; sectors?: unknown },
): Promise<Partner> {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name === '' || name.length > 200) {
    throw badInput('A partner needs a name of 1 to 200 characters.');
  }
  if (!TRUST_TIERS.includes(input.trustTier as TrustTier)) {
    throw badInput(`The trust tier must be one of ${TRUST_TIERS.join(', ')}.`);
  }
  const now = deps.clock.now().toISOString();
  const id = `identity--${deps.ids.uuid()}` as StixObject['id'];
  const partner: Partner = {
    id,
    name,
    trustTier: input.trustTier as TrustTier,
    identity: {
      type: 'identity',
      spec_version: '2.1',
      id,
      created: now,
      modified: now,
      name,
      identity_class: 'organization',
    },
    created: now,
  };
  await deps.sharing.partners.createPartner(partner);
  return partner;
}

/**
 * The partner with this id, or a not-found error.
 *
 * @example const partner = await getPartnerOrThrow(deps.sharing.partners, id)
 */
export async function getPartnerOrThrow(partners: PartnerRepository, id: string): Promise<Partner> {
  const partner = await partners.getPartner(id);
  if (partner === undefined) {
    throw notFound('TEARLINE_E_SHARING_PARTNER_NOT_FOUND', `No partner has the id ${id}.`);
  }
  return partner;
}

/**
 * Issues a TAXII credential for a partner: the secret is returned once and only its hash is kept.
 *
 * @example const { secret } = await issuePartnerCredential(deps, partnerId, 'taxii client')
 */
export async function issuePartnerCredential(
  deps: SharingDeps,
  partnerId: string,
  label = 'TAXII client',
): Promise<{ credential: Omit<PartnerCredential, 'secretHash'>; secret: string }> {
  await getPartnerOrThrow(deps.sharing.partners, partnerId);
  const { secret, secretHash } = createPartnerSecret();
  const credential: PartnerCredential = {
    id: deps.ids.uuid(),
    partnerId,
    label: label.slice(0, 200),
    secretHash,
    created: deps.clock.now().toISOString(),
  };
  await deps.sharing.partners.addCredential(credential);
  return { credential: toListedCredential(credential), secret };
}

/** A credential as it is listed: never with its hash. */
export function toListedCredential(c: PartnerCredential): Omit<PartnerCredential, 'secretHash'> {
  const { secretHash: _hash, ...listed } = c;
  return listed;
}

/**
 * Revokes a partner credential; its secret stops working at once.
 *
 * @example await revokePartnerCredential(deps, credentialId)
 */
export async function revokePartnerCredential(deps: SharingDeps, id: string): Promise<void> {
  const done = await deps.sharing.partners.revokeCredential(id, deps.clock.now().toISOString());
  if (!done) {
    throw notFound(
      'TEARLINE_E_SHARING_CREDENTIAL_NOT_FOUND',
      `No live credential has the id ${id}.`,
    );
  }
}

/**
 * Our organisation's identity, created on first need with the configured name.
 *
 * @example const org = await getOrganization(deps)
 */
export async function getOrganization(deps: SharingDeps): Promise<StixObject> {
  const stored = await deps.sharing.partners.getOwnIdentity();
  if (stored !== undefined) return stored;
  const now = deps.clock.now().toISOString();
  return deps.sharing.partners.setOwnIdentity({
    type: 'identity',
    spec_version: '2.1',
    id: `identity--${deps.ids.uuid()}` as StixObject['id'],
    created: now,
    modified: now,
    name: deps.organizationName ?? 'Tearline analytic team',
    identity_class: 'organization',
  });
}

/**
 * The PartnerAuthenticator of the TAXII server: a live credential's secret names its partner.
 *
 * @example const auth = createPartnerAuthenticator(store.sharing.partners)
 */
export function createPartnerAuthenticator(partners: PartnerRepository): PartnerAuthenticator {
  return {
    async authenticatePartner(secret: string): Promise<AuthenticatedPartner | undefined> {
      if (secret.length === 0 || secret.length > 200) return undefined;
      const partner = await partners.findPartnerByLiveCredential(toSecretHash(secret));
      return (
        partner && {
          partnerId: partner.id,
          partnerName: partner.name,
          sharingState: partner.sharingState,
        }
      );
    },
  };
}

/**
 * The PartnerAccess of the TAXII read path: the sharing policy's answer from the partner's
 * agreements at `now`. Agreements read under a request's sharing-state token are kept for later
 * requests that read the same token; the level itself is decided again at each `now`, since
 * review dates and expiries pass without any write.
 *
 * @example await createPartnerAccess(store.sharing.agreements).getAccessLevel(partnerId, new Date())
 */
export function createPartnerAccess(agreements: AgreementRepository): PartnerAccess {
  const read = new StateCache<Agreement[]>();
  return {
    async getAccessLevel(partnerId, now, sharingState) {
      const known = sharingState === undefined ? undefined : read.get(sharingState, partnerId);
      const list = known ?? (await agreements.listAgreements({ partnerId }));
      if (sharingState !== undefined && !known) read.set(sharingState, partnerId, list);
      return getPartnerAccessLevel(list, now);
    },
  };
}

/**
 * What a partner may read right now, decided by the sharing policy from its agreements:
 * `full` (an active agreement), `revocations-only` (agreements ended or suspended: the partner
 * still receives the revoked versions that let its copy follow), `none`.
 */
export type PartnerAccessLevel = 'full' | 'revocations-only' | 'none';

export interface PartnerAccess {
  /**
   * The partner's level at `now`. With `sharingState` (a token read during this request, see
   * AuthenticatedPartner), agreements already read under that token may be reused.
   */
  getAccessLevel(partnerId: string, now: Date, sharingState?: string): Promise<PartnerAccessLevel>;
}

/** A partner recognised from the secret its TAXII client presented. */
export interface AuthenticatedPartner {
  partnerId: string;
  partnerName: string;
  /**
   * The token of the sharing state read with the credential (migration 0302): it changes in the
   * same transaction as any agreement or collection, so reads made under it may be reused for
   * the rest of the request and by later requests that read the same token.
   */
  sharingState?: string;
}

export interface PartnerAuthenticator {
  /** The partner owning this (unhashed) secret, if it is a live credential. */
  authenticatePartner(secret: string): Promise<AuthenticatedPartner | undefined>;
}

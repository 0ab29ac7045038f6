/**
 * What a partner may read right now, decided by the sharing policy from its agreements:
 * `full` (an active agreement), `revocations-only` (agreements ended or suspended: the partner
 * still receives the revoked versions that let its copy follow), `none`.
 */
export type PartnerAccessLevel = 'full' | 'revocations-only' | 'none';

export interface PartnerAccess {
  getAccessLevel(partnerId: string, now: Date): Promise<PartnerAccessLevel>;
}

/** A partner recognised from the secret its TAXII client presented. */
export interface AuthenticatedPartner {
  partnerId: string;
  partnerName: string;
}

export interface PartnerAuthenticator {
  /** The partner owning this (unhashed) secret, if it is a live credential. */
  authenticatePartner(secret: string): Promise<AuthenticatedPartner | undefined>;
}

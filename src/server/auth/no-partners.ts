import type { PartnerAccess, PartnerAuthenticator } from '../../core/ports/partner-access.js';

/**
 * A partner authenticator that recognises no one: the wiring until src/sharing provides the
 * real one, so that /taxii2/ is closed rather than open.
 */
export const noPartners: PartnerAuthenticator = {
  authenticatePartner: () => Promise.resolve(undefined),
};

/** Partner access that grants nothing to anyone, paired with noPartners. */
export const noPartnerAccess: PartnerAccess = {
  getAccessLevel: () => Promise.resolve('none'),
};

import type { SharingRepositories } from '../../core/ports/sharing.js';
import type { Database } from '../database.js';
import { createAgreementRepository } from './agreement-repository.js';
import { createLedgerRepository } from './ledger-repository.js';
import { createPartnerRepository } from './partner-repository.js';
import { createReleaseRepository } from './release-repository.js';
import { createSharingSettingsRepository } from './settings-repository.js';

/**
 * The sharing area's repositories over one database.
 *
 * @example const sharing = createSharingStore(database); await sharing.partners.listPartners()
 */
export function createSharingStore(database: Database): SharingRepositories {
  return {
    partners: createPartnerRepository(database),
    agreements: createAgreementRepository(database),
    releases: createReleaseRepository(database),
    ledger: createLedgerRepository(database),
    settings: createSharingSettingsRepository(database),
  };
}

import type { NotNull, Selectable } from 'kysely';
import type { Partner, PartnerCredential, PartnerRepository } from '../../core/ports/sharing.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import type { Database } from '../database.js';
import { prepareRead, type SlotOf } from '../prepared-read.js';
import type {
  SharingPartnerCredentialsTable,
  SharingPartnersTable,
} from '../schema/tearline-db.js';

const OWN_IDENTITY = 'own-identity';

type CredentialRow = Selectable<SharingPartnerCredentialsTable>;
type PartnerRow = Selectable<SharingPartnersTable>;

function toPartner(row: PartnerRow): Partner {
  return {
    id: row.id,
    name: row.name,
    trustTier: row.trust_tier as Partner['trustTier'],
    identity: JSON.parse(row.identity) as Partner['identity'],
    created: row.created,
  };
}

function toCredential(row: CredentialRow): PartnerCredential {
  const c: PartnerCredential = {
    id: row.id,
    partnerId: row.partner_id,
    label: row.label,
    secretHash: row.secret_hash,
    created: row.created,
  };
  if (row.revoked !== null) c.revoked = row.revoked;
  return c;
}

/**
 * Partners and their TAXII credentials on either engine (same SQL on both).
 *
 * @example const partners = createPartnerRepository(database); await partners.listPartners()
 */
export function createPartnerRepository(database: Database): PartnerRepository {
  const db = database.db;
  // One joined read instead of credential-then-partner: this runs on every TAXII request. The
  // sharing state's token comes in the same statement, so it is as fresh as the credential.
  const partnerByLiveCredential = prepareRead(database, (slot: SlotOf<{ secretHash: string }>) =>
    db
      .selectFrom('sharing_partner_credentials as c')
      .innerJoin('sharing_partners as p', 'p.id', 'c.partner_id')
      .select(['p.id as id', 'p.name as name'])
      .select((eb) =>
        eb.selectFrom('sharing_state').select('token').where('id', '=', 1).as('sharingState'),
      )
      .where('c.secret_hash', '=', slot('secretHash'))
      .where('c.revoked', 'is', null)
      // sharing_state always has its one row (migration 0302), so the token is never null.
      .$narrowType<{ sharingState: NotNull }>(),
  );
  return {
    async createPartner(partner) {
      await db
        .insertInto('sharing_partners')
        .values({
          id: partner.id,
          name: partner.name,
          trust_tier: partner.trustTier,
          identity: JSON.stringify(partner.identity),
          created: partner.created,
        })
        .execute();
    },
    async getPartner(id) {
      const row = await db
        .selectFrom('sharing_partners')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toPartner(row);
    },
    async listPartners() {
      const rows = await db
        .selectFrom('sharing_partners')
        .selectAll()
        .orderBy('name')
        .orderBy('id')
        .execute();
      return rows.map(toPartner);
    },
    async addCredential(credential) {
      await db
        .insertInto('sharing_partner_credentials')
        .values({
          id: credential.id,
          partner_id: credential.partnerId,
          label: credential.label,
          secret_hash: credential.secretHash,
          created: credential.created,
          revoked: credential.revoked ?? null,
        })
        .execute();
    },
    async listCredentials(partnerId) {
      const rows = await db
        .selectFrom('sharing_partner_credentials')
        .selectAll()
        .where('partner_id', '=', partnerId)
        .orderBy('created', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toCredential);
    },
    async findCredentialByHash(secretHash) {
      const row = await db
        .selectFrom('sharing_partner_credentials')
        .selectAll()
        .where('secret_hash', '=', secretHash)
        .executeTakeFirst();
      return row && toCredential(row);
    },
    async findPartnerByLiveCredential(secretHash) {
      return (await partnerByLiveCredential({ secretHash }))[0];
    },
    async revokeCredential(id, at) {
      const result = await db
        .updateTable('sharing_partner_credentials')
        .set({ revoked: at })
        .where('id', '=', id)
        .where('revoked', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async getOwnIdentity() {
      const row = await db
        .selectFrom('sharing_settings')
        .select('value')
        .where('key', '=', OWN_IDENTITY)
        .executeTakeFirst();
      return row && (JSON.parse(row.value) as StixObject);
    },
    async setOwnIdentity(identity) {
      // The first identity stored wins, so that two processes starting at once agree on it.
      await db
        .insertInto('sharing_settings')
        .values({ key: OWN_IDENTITY, value: JSON.stringify(identity) })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const row = await db
        .selectFrom('sharing_settings')
        .select('value')
        .where('key', '=', OWN_IDENTITY)
        .executeTakeFirstOrThrow();
      return JSON.parse(row.value) as StixObject;
    },
  };
}

import { randomUUID } from 'node:crypto';
import type { Agreement, AgreementEvent, AgreementRepository } from '../../core/ports/sharing.js';
import type { Database } from '../database.js';
import { prepareRead, type SlotOf } from '../prepared-read.js';

function toEventRow(event: AgreementEvent, position: number) {
  // The event's own id only keys the row; `position` orders an agreement's history.
  return {
    id: randomUUID(),
    position,
    agreement_id: event.agreementId,
    at: event.at,
    actor: event.actor,
    action: event.action,
    reason: event.reason,
  };
}

/**
 * Agreements and their change history on either engine: each write stores the agreement and the
 * event that explains it in one transaction.
 *
 * @example await createAgreementRepository(database).listAgreements({ partnerId })
 */
export function createAgreementRepository(database: Database): AgreementRepository {
  const db = database.db;
  // A partner's agreements decide every TAXII request it makes (its access level).
  const agreementsOfPartner = prepareRead(database, (slot: SlotOf<{ partnerId: string }>) =>
    db
      .selectFrom('sharing_agreements')
      .select('data')
      .where('partner_id', '=', slot('partnerId'))
      .orderBy('created')
      .orderBy('id'),
  );
  return {
    async createAgreement(agreement, event) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('sharing_agreements')
          .values({
            id: agreement.id,
            partner_id: agreement.partnerId,
            data: JSON.stringify(agreement),
            state: agreement.state,
            created: agreement.created,
          })
          .execute();
        await trx.insertInto('sharing_agreement_events').values(toEventRow(event, 1)).execute();
      });
    },
    async updateAgreement(agreement, event) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('sharing_agreements')
          .set({ data: JSON.stringify(agreement), state: agreement.state })
          .where('id', '=', agreement.id)
          .execute();
        const last = await trx
          .selectFrom('sharing_agreement_events')
          .select((eb) => eb.fn.max('position').as('position'))
          .where('agreement_id', '=', agreement.id)
          .executeTakeFirst();
        const position = Number(last?.position ?? 0) + 1;
        await trx
          .insertInto('sharing_agreement_events')
          .values(toEventRow(event, position))
          .execute();
      });
    },
    async getAgreement(id) {
      const row = await db
        .selectFrom('sharing_agreements')
        .select('data')
        .where('id', '=', id)
        .executeTakeFirst();
      return row && (JSON.parse(row.data) as Agreement);
    },
    async listAgreements(filter = {}) {
      const rows =
        filter.partnerId === undefined
          ? await db
              .selectFrom('sharing_agreements')
              .select('data')
              .orderBy('created')
              .orderBy('id')
              .execute()
          : await agreementsOfPartner({ partnerId: filter.partnerId });
      return rows.map((r) => JSON.parse(r.data) as Agreement);
    },
    async listEvents(agreementId) {
      const rows = await db
        .selectFrom('sharing_agreement_events')
        .select(['agreement_id', 'at', 'actor', 'action', 'reason'])
        .where('agreement_id', '=', agreementId)
        .orderBy('position')
        .execute();
      return rows.map((r) => ({
        agreementId: r.agreement_id,
        at: r.at,
        actor: r.actor,
        action: r.action as AgreementEvent['action'],
        reason: r.reason,
      }));
    },
  };
}

import type { Agreement, TlpLevel } from '../core/ports/sharing.js';
import type { StixObject } from '../core/stix/stix-object.js';

/** The STIX IEP 2.0 extension definition id (cti-stix-common-objects, iep-marking-definition). */
export const IEP2_EXTENSION_ID = 'extension-definition--762e2e97-ee51-43e5-a9ea-165fbb862c4a';

// IEP 2.0 predates TLP 2.0, so its `tlp` field takes TLP 1.0 values (FIRST IEP 2.0, SHARING).
const iepTlp: Record<TlpLevel, 'white' | 'green' | 'amber' | 'red'> = {
  clear: 'white',
  green: 'green',
  amber: 'amber',
  'amber+strict': 'amber',
  red: 'red',
};

/**
 * The IEP 2.0 marking-definition for an agreement's terms; its id is stable per agreement so that
 * every release under it points at the same policy.
 *
 * @example toIepMarkingDefinition(agreement).id // 'marking-definition--<agreement.iepMarkingUuid>'
 */
export function toIepMarkingDefinition(agreement: Agreement): StixObject {
  const content: Record<string, unknown> = {
    extension_type: 'property-extension',
    iep_id: agreement.iepMarkingUuid,
    iep_version: 2.0,
    description: `Information exchange policy of the agreement "${agreement.title}".`,
    start_date: agreement.created,
    encrypt_in_transit: agreement.iep.encryptInTransit,
    permitted_actions: agreement.iep.permittedActions,
    affected_party_notifications: agreement.iep.affectedPartyNotifications,
    tlp: iepTlp[agreement.tlp],
    // The STIX IEP extension keeps the IEP 1.0 name for the attribution field.
    provider_attribution: agreement.iep.attribution,
    unmodified_resale: agreement.iep.unmodifiedResale,
  };
  if (agreement.expires !== undefined) content.end_date = agreement.expires;
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: `marking-definition--${agreement.iepMarkingUuid}` as StixObject['id'],
    created: agreement.created,
    name: `IEP:${agreement.title}`,
    external_references: [
      { source_name: 'FIRST IEP 2.0', url: 'https://www.first.org/iep/iep_framework_2_0' },
    ],
    extensions: { [IEP2_EXTENSION_ID]: content },
  };
}

/** The STIX IEP 2.0 marking extension-definition id (OASIS cti-stix-common-objects, draft 2022-12-19). */
export const IEP2_EXTENSION_ID = 'extension-definition--762e2e97-ee51-43e5-a9ea-165fbb862c4a';

/** IEP 2.0 HANDLING: encrypt in transit. */
export const IEP_ENCRYPT_IN_TRANSIT = ['must', 'may'] as const;
/** IEP 2.0 ACTION: permitted actions, from most to least restrictive. */
export const IEP_PERMITTED_ACTIONS = [
  'none',
  'contact-for-instruction',
  'internally-visible-actions',
  'externally-visible-indirect-actions',
  'externally-visible-direct-actions',
] as const;
/** IEP 2.0 ACTION: affected party notifications. */
export const IEP_AFFECTED_PARTY_NOTIFICATIONS = ['may', 'must-not'] as const;
/** IEP 2.0 SHARING: TLP, in TLP 1.0 colours (IEP 2.0 predates TLP 2.0). */
export const IEP_TLP = ['red', 'amber', 'green', 'white'] as const;
/** IEP 2.0 SHARING: provider attribution. */
export const IEP_PROVIDER_ATTRIBUTION = ['may', 'must', 'must-not'] as const;
/** IEP 2.0 LICENSING: unmodified resale. */
export const IEP_UNMODIFIED_RESALE = ['may', 'must-not'] as const;

/** The IEP 2.0 terms as carried inside a marking-definition's IEP extension. */
export interface Iep2Policy {
  extension_type: 'property-extension';
  iep_id: string;
  iep_version: 2.0;
  description: string;
  start_date: string;
  end_date?: string | null;
  encrypt_in_transit: (typeof IEP_ENCRYPT_IN_TRANSIT)[number];
  permitted_actions: (typeof IEP_PERMITTED_ACTIONS)[number];
  affected_party_notifications: (typeof IEP_AFFECTED_PARTY_NOTIFICATIONS)[number];
  tlp: (typeof IEP_TLP)[number];
  provider_attribution: (typeof IEP_PROVIDER_ATTRIBUTION)[number];
  unmodified_resale: (typeof IEP_UNMODIFIED_RESALE)[number];
}

/** The properties the IEP extension requires, each with its allowed values (undefined: any). */
export const IEP2_REQUIRED_PROPERTIES: Readonly<Record<string, readonly unknown[] | undefined>> = {
  encrypt_in_transit: IEP_ENCRYPT_IN_TRANSIT,
  permitted_actions: IEP_PERMITTED_ACTIONS,
  affected_party_notifications: IEP_AFFECTED_PARTY_NOTIFICATIONS,
  tlp: IEP_TLP,
  provider_attribution: IEP_PROVIDER_ATTRIBUTION,
  unmodified_resale: IEP_UNMODIFIED_RESALE,
  iep_id: undefined,
  iep_version: [2, '2.0'],
  description: undefined,
  start_date: undefined,
};

/**
 * True when an IEP permitted-actions value allows at least what `needed` allows.
 *
 * @example permitsIepAction('externally-visible-direct-actions', 'none') // true
 */
export function permitsIepAction(
  granted: (typeof IEP_PERMITTED_ACTIONS)[number],
  needed: (typeof IEP_PERMITTED_ACTIONS)[number],
): boolean {
  return IEP_PERMITTED_ACTIONS.indexOf(granted) >= IEP_PERMITTED_ACTIONS.indexOf(needed);
}

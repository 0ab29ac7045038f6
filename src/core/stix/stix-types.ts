/** The 19 STIX 2.1 domain objects (§4). */
export const SDO_TYPES = [
  'attack-pattern',
  'campaign',
  'course-of-action',
  'grouping',
  'identity',
  'incident',
  'indicator',
  'infrastructure',
  'intrusion-set',
  'location',
  'malware',
  'malware-analysis',
  'note',
  'observed-data',
  'opinion',
  'report',
  'threat-actor',
  'tool',
  'vulnerability',
] as const;

/** The 2 STIX 2.1 relationship objects (§5). */
export const SRO_TYPES = ['relationship', 'sighting'] as const;

/** The 18 STIX 2.1 cyber-observable objects (§6). */
export const SCO_TYPES = [
  'artifact',
  'autonomous-system',
  'directory',
  'domain-name',
  'email-addr',
  'email-message',
  'file',
  'ipv4-addr',
  'ipv6-addr',
  'mac-addr',
  'mutex',
  'network-traffic',
  'process',
  'software',
  'url',
  'user-account',
  'windows-registry-key',
  'x509-certificate',
] as const;

/** The 3 STIX 2.1 meta objects (§7). */
export const META_TYPES = [
  'marking-definition',
  'language-content',
  'extension-definition',
] as const;

const sdo = new Set<string>(SDO_TYPES);
const sro = new Set<string>(SRO_TYPES);
const sco = new Set<string>(SCO_TYPES);
const meta = new Set<string>(META_TYPES);

/** True for a type the STIX 2.1 specification defines (SDO, SRO, SCO or meta object). */
export function isSpecType(type: string): boolean {
  return sdo.has(type) || sro.has(type) || sco.has(type) || meta.has(type);
}

/** True for an SDO type. */
export function isSdoType(type: string): boolean {
  return sdo.has(type);
}

/** True for an SRO type. */
export function isSroType(type: string): boolean {
  return sro.has(type);
}

/** True for an SCO type. */
export function isScoType(type: string): boolean {
  return sco.has(type);
}

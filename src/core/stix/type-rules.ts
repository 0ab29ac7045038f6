import {
  checkBoolean,
  checkDictionary,
  checkKillChainPhases,
  checkNumber,
  checkRef,
  checkRefList,
  checkString,
  checkStringList,
  checkTimestamp,
  type Json,
} from './property-checks.js';
import type { IssueCollector } from './validation-issue.js';

/** How one property of a type is checked. */
export type PropertyCheck = (c: IssueCollector, path: string, value: Json) => void;

/** The properties of one type: their checks, and which are required. */
export interface TypeRule {
  properties: Record<string, PropertyCheck>;
  required: readonly string[];
}

const str: PropertyCheck = checkString;
const strs: PropertyCheck = checkStringList;
const ts: PropertyCheck = (c, p, v) => checkTimestamp(c, p, v);
const bool: PropertyCheck = checkBoolean;
const refs: PropertyCheck = (c, p, v) => checkRefList(c, p, v);
const kcp: PropertyCheck = checkKillChainPhases;
const ref =
  (rule: { allow?: readonly string[]; deny?: readonly string[] }): PropertyCheck =>
  (c, p, v) =>
    checkRef(c, p, v, rule);
const refList =
  (rule: { allow?: readonly string[]; deny?: readonly string[] }): PropertyCheck =>
  (c, p, v) =>
    checkRefList(c, p, v, rule);
const int =
  (min: number, max: number): PropertyCheck =>
  (c, p, v) =>
    checkNumber(c, p, v, { integer: true, min, max });
const num =
  (min?: number, max?: number): PropertyCheck =>
  (c, p, v) =>
    checkNumber(c, p, v, { min, max });
const oneOf =
  (values: readonly string[]): PropertyCheck =>
  (c, p, v) => {
    if (typeof v !== 'string' || !values.includes(v))
      c.fail(p, `must be one of ${values.join(', ')}`);
  };

/** Types an SRO may not point at (STIX 2.1 §5.1, §5.2). */
const NOT_RELATABLE = [
  'relationship',
  'sighting',
  'bundle',
  'marking-definition',
  'language-content',
];

/** The rules by type, before the shared `description` is added. */
const RULES: Record<string, TypeRule> = {
  'attack-pattern': {
    properties: { name: str, aliases: strs, kill_chain_phases: kcp },
    required: ['name'],
  },
  campaign: {
    properties: { name: str, aliases: strs, first_seen: ts, last_seen: ts, objective: str },
    required: ['name'],
  },
  'course-of-action': { properties: { name: str }, required: ['name'] },
  grouping: {
    properties: { name: str, context: str, object_refs: refs },
    required: ['context', 'object_refs'],
  },
  identity: {
    properties: {
      name: str,
      roles: strs,
      identity_class: str,
      sectors: strs,
      contact_information: str,
    },
    required: ['name'],
  },
  incident: { properties: { name: str }, required: ['name'] },
  indicator: {
    properties: {
      indicator_types: strs,
      name: str,
      pattern: str,
      pattern_type: str,
      pattern_version: str,
      valid_from: ts,
      valid_until: ts,
      kill_chain_phases: kcp,
    },
    required: ['pattern', 'pattern_type', 'valid_from'],
  },
  infrastructure: {
    properties: {
      name: str,
      infrastructure_types: strs,
      aliases: strs,
      kill_chain_phases: kcp,
      first_seen: ts,
      last_seen: ts,
    },
    required: ['name'],
  },
  'intrusion-set': {
    properties: {
      name: str,
      aliases: strs,
      first_seen: ts,
      last_seen: ts,
      goals: strs,
      resource_level: str,
      primary_motivation: str,
      secondary_motivations: strs,
    },
    required: ['name'],
  },
  location: {
    properties: {
      name: str,
      latitude: num(-90, 90),
      longitude: num(-180, 180),
      precision: num(),
      region: str,
      country: str,
      administrative_area: str,
      city: str,
      street_address: str,
      postal_code: str,
    },
    required: [],
  },
  'malware-analysis': {
    properties: {
      product: str,
      version: str,
      configuration_version: str,
      modules: strs,
      analysis_engine_version: str,
      analysis_definition_version: str,
      submitted: ts,
      analysis_started: ts,
      analysis_ended: ts,
      result_name: str,
      result: str,
      host_vm_ref: ref({ allow: ['software'] }),
      operating_system_ref: ref({ allow: ['software'] }),
      installed_software_refs: refList({ allow: ['software'] }),
      analysis_sco_refs: refs,
      sample_ref: ref({ allow: ['artifact', 'file', 'network-traffic'] }),
    },
    required: ['product'],
  },
  malware: {
    properties: {
      aliases: strs,
      first_seen: ts,
      last_seen: ts,
      operating_system_refs: refList({ allow: ['software'] }),
      architecture_execution_envs: strs,
      implementation_languages: strs,
      capabilities: strs,
      sample_refs: strs,
      malware_types: strs,
      name: str,
      kill_chain_phases: kcp,
      is_family: bool,
    },
    required: ['is_family'],
  },
  note: {
    properties: { abstract: str, content: str, authors: strs, object_refs: refs },
    required: ['content', 'object_refs'],
  },
  'observed-data': {
    properties: {
      first_observed: ts,
      last_observed: ts,
      number_observed: int(1, 999_999_999),
      objects: checkDictionary,
      object_refs: refs,
    },
    required: ['first_observed', 'last_observed', 'number_observed'],
  },
  opinion: {
    properties: {
      explanation: str,
      authors: strs,
      object_refs: refs,
      opinion: oneOf(['strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree']),
    },
    required: ['object_refs', 'opinion'],
  },
  report: {
    properties: { report_types: strs, name: str, published: ts, object_refs: refs },
    required: ['name', 'object_refs', 'published'],
  },
  'threat-actor': {
    properties: {
      threat_actor_types: strs,
      name: str,
      aliases: strs,
      roles: strs,
      goals: strs,
      first_seen: ts,
      last_seen: ts,
      sophistication: str,
      resource_level: str,
      primary_motivation: str,
      secondary_motivations: strs,
      personal_motivations: strs,
    },
    required: ['name'],
  },
  tool: {
    properties: {
      aliases: strs,
      tool_types: strs,
      name: str,
      tool_version: str,
      kill_chain_phases: kcp,
    },
    required: ['name'],
  },
  vulnerability: { properties: { name: str }, required: ['name'] },
  relationship: {
    properties: {
      relationship_type: (c, p, v) => {
        if (typeof v !== 'string' || !/^[a-z0-9-]+$/.test(v))
          c.fail(p, 'must be a lower-case word joined by hyphens (attributed-to)');
      },
      source_ref: ref({ deny: NOT_RELATABLE }),
      target_ref: ref({ deny: NOT_RELATABLE }),
      start_time: ts,
      stop_time: ts,
    },
    required: ['relationship_type', 'source_ref', 'target_ref'],
  },
  sighting: {
    properties: {
      first_seen: ts,
      last_seen: ts,
      count: int(0, 999_999_999),
      sighting_of_ref: ref({ deny: NOT_RELATABLE }),
      observed_data_refs: refList({ allow: ['observed-data'] }),
      where_sighted_refs: refList({ allow: ['identity', 'location'] }),
      summary: bool,
    },
    required: ['sighting_of_ref'],
  },
  'language-content': {
    properties: {
      object_ref: ref({ deny: ['bundle', 'language-content'] }),
      object_modified: ts,
      contents: checkDictionary,
    },
    required: ['object_ref', 'contents'],
  },
};

/** Types whose schema defines a free-text `description` (the others leave it to custom use). */
const DESCRIBED = [
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
  'report',
  'threat-actor',
  'tool',
  'vulnerability',
  'relationship',
  'sighting',
];
for (const type of DESCRIBED) RULES[type]!.properties.description = str;

/** Per-type properties of the 19 SDOs, 2 SROs and language-content (STIX 2.1 §4, §5, §7). */
export const TYPE_RULES: Readonly<Record<string, TypeRule>> = RULES;

// Module level rather than a closure per call: tsx names every closure it creates (__name).
const has = (o: Record<string, Json>, key: string) => o[key] !== undefined;

/** "At least one of" and other cross-property rules the schemas state for some types. */
export function checkTypeSpecificRules(
  c: IssueCollector,
  type: string,
  o: Record<string, Json>,
): void {
  switch (type) {
    case 'location':
      if (!has(o, 'region') && !has(o, 'country') && !(has(o, 'latitude') && has(o, 'longitude')))
        c.fail('', 'a location needs region, country, or latitude and longitude');
      if (has(o, 'latitude') !== has(o, 'longitude'))
        c.fail(
          has(o, 'latitude') ? '.longitude' : '.latitude',
          'is required with the other coordinate',
        );
      if (has(o, 'precision') && !(has(o, 'latitude') && has(o, 'longitude')))
        c.fail('.precision', 'needs latitude and longitude');
      break;
    case 'malware':
      if (o.is_family === true && !has(o, 'name'))
        c.fail('.name', 'is required when is_family is true');
      break;
    case 'malware-analysis':
      if (!has(o, 'result') && !has(o, 'analysis_sco_refs'))
        c.fail('', 'a malware-analysis needs result or analysis_sco_refs');
      break;
    case 'observed-data':
      if (has(o, 'objects') === has(o, 'object_refs'))
        c.fail('.object_refs', 'exactly one of object_refs and the deprecated objects is required');
      break;
  }
}

/** Properties the SCOs of the specification require (§6), checked without their full schemas. */
export const SCO_REQUIRED: Readonly<Record<string, readonly (readonly string[])[]>> = {
  'autonomous-system': [['number']],
  directory: [['path']],
  'domain-name': [['value']],
  'email-addr': [['value']],
  'email-message': [['is_multipart']],
  file: [['hashes', 'name']],
  'ipv4-addr': [['value']],
  'ipv6-addr': [['value']],
  'mac-addr': [['value']],
  mutex: [['name']],
  'network-traffic': [['protocols'], ['src_ref', 'dst_ref']],
  software: [['name']],
  url: [['value']],
};

/** String properties of the common SCOs (§6), checked without their full schemas. */
export const SCO_STRING_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'domain-name': ['value'],
  'email-addr': ['value', 'display_name'],
  'ipv4-addr': ['value'],
  'ipv6-addr': ['value'],
  'mac-addr': ['value'],
  url: ['value'],
  file: ['name', 'name_enc', 'mime_type'],
  mutex: ['name'],
  software: ['name', 'cpe', 'swid', 'vendor', 'version'],
  directory: ['path', 'path_enc'],
};

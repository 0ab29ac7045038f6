import { IEP2_EXTENSION_ID, IEP2_REQUIRED_PROPERTIES } from '../vocab/iep.js';
import {
  TLP1_MARKING_IDS,
  TLP2_EXTENSION_ID,
  TLP2_MARKING_IDS,
  findTlp1Level,
  findTlp2Level,
} from '../vocab/tlp.js';
import {
  checkList,
  checkRef,
  checkRefList,
  checkString,
  checkTimestamp,
  describe,
  isRecord,
  type Json,
} from './property-checks.js';
import {
  checkExtensions,
  checkExternalReference,
  checkGranularMarkings,
} from './validate-common.js';
import type { IssueCollector } from './validation-issue.js';

const TLP1_PROPERTIES = new Set([
  'type',
  'id',
  'spec_version',
  'created',
  'name',
  'definition',
  'definition_type',
]);

/**
 * Checks a marking-definition (STIX 2.1 §7.2): a statement, one of the four predefined TLP 1.0
 * markings (accepted on input), or a marking defined by an extension such as TLP 2.0 or IEP 2.0.
 */
export function checkMarkingDefinition(c: IssueCollector, o: Record<string, Json>): void {
  for (const key of ['spec_version', 'created']) {
    if (o[key] === undefined) c.fail(`.${key}`, 'is required');
  }
  if (o.spec_version !== undefined && o.spec_version !== '2.1')
    c.fail('.spec_version', `must be "2.1", not ${describe(o.spec_version)}`);
  if (o.created !== undefined) checkTimestamp(c, '.created', o.created);
  if (o.name !== undefined) checkString(c, '.name', o.name);
  if (o.created_by_ref !== undefined)
    checkRef(c, '.created_by_ref', o.created_by_ref, { allow: ['identity'] });
  if (o.external_references !== undefined)
    checkList(c, '.external_references', o.external_references, (p, v) =>
      checkExternalReference(c, p, v),
    );
  if (o.object_marking_refs !== undefined) {
    checkRefList(c, '.object_marking_refs', o.object_marking_refs, {
      allow: ['marking-definition'],
    });
    // A marking definition must not mark itself (cti-stix2-json-schemas README, rule 2).
    if (Array.isArray(o.object_marking_refs) && o.object_marking_refs.includes(o.id))
      c.fail('.object_marking_refs', 'a marking definition must not refer to itself');
  }
  if (o.granular_markings !== undefined)
    checkGranularMarkings(c, '.granular_markings', o.granular_markings, o);

  const definitionType = o.definition_type;
  if (definitionType === 'tlp') return checkTlp1(c, o);
  if (typeof o.id === 'string' && findTlp1Level(o.id))
    c.fail('.definition_type', 'a TLP 1.0 marking id needs definition_type tlp');
  if (o.extensions === undefined) {
    for (const key of ['definition_type', 'definition']) {
      if (o[key] === undefined) c.fail(`.${key}`, 'is required when the marking has no extensions');
    }
  } else {
    checkExtensions(c, o.extensions, { allowPredefined: false }, (cc, p, k, e) =>
      checkMarkingExtension(cc, p, k, e, o),
    );
  }
  if (definitionType === 'statement') {
    if (!isRecord(o.definition) || typeof o.definition.statement !== 'string')
      c.fail('.definition.statement', 'a statement marking needs definition.statement (a string)');
  } else if (definitionType !== undefined) {
    if (typeof definitionType !== 'string')
      c.fail('.definition_type', `must be a string, not ${describe(definitionType)}`);
    else if (/^statement|tlp$/.test(definitionType))
      c.fail(
        '.definition_type',
        'tlp and statement are the predefined definition types; use them exactly',
      );
    if (o.definition !== undefined && !isRecord(o.definition))
      c.fail('.definition', `must be an object, not ${describe(o.definition)}`);
  }
}

function checkTlp1(c: IssueCollector, o: Record<string, Json>): void {
  const level = typeof o.id === 'string' ? findTlp1Level(o.id) : undefined;
  if (!level)
    return c.fail(
      '.id',
      `must be one of the four TLP 1.0 ids (${Object.values(TLP1_MARKING_IDS).join(', ')})`,
    );
  if (o.name !== `TLP:${level.toUpperCase()}`)
    c.fail('.name', `must be TLP:${level.toUpperCase()} for this id`);
  if (!isRecord(o.definition) || o.definition.tlp !== level)
    c.fail('.definition.tlp', `must be "${level}" for this id`);
  if (o.created !== '2017-01-20T00:00:00.000Z')
    c.fail('.created', 'must be 2017-01-20T00:00:00.000Z for a TLP 1.0 marking');
  for (const key of Object.keys(o)) {
    if (!TLP1_PROPERTIES.has(key))
      c.fail(`.${key}`, 'is not allowed on a predefined TLP 1.0 marking');
  }
}

function checkMarkingExtension(
  c: IssueCollector,
  path: string,
  key: string,
  ext: Record<string, Json>,
  o: Record<string, Json>,
): void {
  if (key === TLP2_EXTENSION_ID) {
    // The TLP 2.0 extension pins each of its five ids to one name and one level.
    const level = findTlp2Level(c.id);
    if (!level)
      c.fail(
        '.id',
        `must be one of the five TLP 2.0 ids (${Object.values(TLP2_MARKING_IDS).join(', ')})`,
      );
    else if (ext.tlp_2_0 !== level) c.fail(`${path}.tlp_2_0`, `must be "${level}" for this id`);
    if (level && o.name !== `TLP:${level.toUpperCase()}`)
      c.fail('.name', `must be TLP:${level.toUpperCase()} for this TLP 2.0 id`);
    for (const k of Object.keys(ext)) {
      if (k !== 'extension_type' && k !== 'tlp_2_0')
        c.fail(`${path}.${k}`, 'is not a property of the TLP 2.0 extension');
    }
  } else if (key === IEP2_EXTENSION_ID) {
    for (const [k, allowed] of Object.entries(IEP2_REQUIRED_PROPERTIES)) {
      if (ext[k] === undefined) c.fail(`${path}.${k}`, 'is required by the IEP 2.0 extension');
      else if (allowed && !allowed.includes(ext[k]))
        c.fail(`${path}.${k}`, `must be one of ${allowed.join(', ')}`);
    }
  }
}

import { isAdmiraltyGrade } from '../vocab/admiralty.js';
import { isStixIdentifier } from './identifier-check.js';
import { CONFLICT_EVENT_EXTENSION_ID } from './conflict-event-extension.js';
import { checkConflictEventProperties } from './conflict-event-definition.js';
import {
  TYPE_PATTERN,
  checkBoolean,
  checkList,
  checkNumber,
  checkPropertyNamesAndValues,
  checkRef,
  checkRefList,
  checkString,
  checkStringList,
  checkTimestamp,
  describe,
  isRecord,
  type Json,
} from './property-checks.js';
import { isScoType, isSpecType } from './stix-types.js';
import { toVersionKey } from './stix-timestamp.js';
import {
  SCO_REQUIRED,
  SCO_STRING_PROPERTIES,
  TYPE_RULES,
  checkTypeSpecificRules,
} from './type-rules.js';
import {
  EXTENSION_TYPES,
  checkExtensions,
  checkExternalReference,
  checkGranularMarkings,
  checkReservedProperties,
  declaredExtensionTypes,
} from './validate-common.js';
import { checkMarkingDefinition } from './validate-marking-definition.js';
import { IssueCollector, type ValidationIssue } from './validation-issue.js';

/**
 * Checks one STIX 2.1 object against the specification's rules for its type and returns what is
 * wrong (empty when valid). `where` names the object when its id is unusable (`objects[3]`).
 *
 * @example validateStixObject({ type: 'incident', … }) // [{ id: 'incident--…', path: '.modified', message: 'is earlier than created' }]
 */
export function validateStixObject(value: unknown, where = 'object'): ValidationIssue[] {
  if (!isRecord(value))
    return [{ id: where, path: '', message: `must be a JSON object, not ${describe(value)}` }];
  const id = typeof value.id === 'string' && value.id.length <= 300 ? value.id : where;
  const c = new IssueCollector(id);
  const type = value.type;
  if (type === undefined) c.fail('.type', 'is required');
  else if (
    typeof type !== 'string' ||
    type.length < 3 ||
    type.length > 250 ||
    !TYPE_PATTERN.test(type) ||
    type === 'action'
  )
    c.fail(
      '.type',
      `must be a STIX type name (lower-case letters, digits, hyphens), not ${describe(type)}`,
    );
  if (value.id === undefined) c.fail('.id', 'is required');
  else if (typeof value.id !== 'string' || !isStixIdentifier(value.id))
    c.fail('.id', `must be <type>--<uuid>, not ${describe(value.id)}`);
  else if (typeof type === 'string' && !value.id.startsWith(`${type}--`))
    c.fail('.id', `must start with "${type}--"`);
  if (typeof type !== 'string') return c.issues;

  if (type === 'marking-definition') {
    checkMarkingDefinition(c, value);
  } else if (isScoType(type)) {
    checkScoCommon(c, value);
    for (const key of SCO_STRING_PROPERTIES[type] ?? []) {
      if (value[key] !== undefined) checkString(c, `.${key}`, value[key]);
    }
    for (const anyOf of SCO_REQUIRED[type] ?? []) {
      if (!anyOf.some((k) => value[k] !== undefined))
        c.fail(
          `.${anyOf[0]}`,
          anyOf.length === 1 ? 'is required' : `one of ${anyOf.join(', ')} is required`,
        );
    }
  } else if (type === 'extension-definition') {
    checkCoreCommon(c, value);
    checkExtensionDefinition(c, value);
  } else if (isSpecType(type)) {
    checkCoreCommon(c, value);
    const rule = TYPE_RULES[type];
    if (rule) {
      for (const key of rule.required) {
        if (value[key] === undefined) c.fail(`.${key}`, 'is required');
      }
      for (const key in rule.properties) {
        if (value[key] !== undefined) rule.properties[key]!(c, `.${key}`, value[key]);
      }
      checkTypeSpecificRules(c, type, value);
    }
  } else {
    // Custom types exist only through an extension-definition (STIX 2.1 §7.3, new-sdo/sco/sro).
    const declared = declaredExtensionTypes(value);
    if (declared.includes('new-sco')) checkScoCommon(c, value);
    else if (declared.includes('new-sdo') || declared.includes('new-sro'))
      checkCoreCommon(c, value);
    else
      c.fail(
        '.type',
        `"${type}" is not a STIX 2.1 type and no extension (new-sdo, new-sco, new-sro) defines it`,
      );
  }
  return c.issues;
}

const CORE_REQUIRED = ['spec_version', 'created', 'modified'] as const;

/** Common properties of SDOs, SROs, language-content and extension-definition (STIX 2.1 §3.2). */
function checkCoreCommon(c: IssueCollector, o: Record<string, Json>): void {
  for (const key of CORE_REQUIRED) {
    if (o[key] === undefined) c.fail(`.${key}`, 'is required');
  }
  if (o.spec_version !== undefined && o.spec_version !== '2.1')
    c.fail('.spec_version', `must be "2.1", not ${describe(o.spec_version)}`);
  if (o.created !== undefined) checkTimestamp(c, '.created', o.created, true);
  if (o.modified !== undefined) checkTimestamp(c, '.modified', o.modified, true);
  // STIX 2.1 §3.2: modified MUST be later than or equal to created.
  if (
    typeof o.created === 'string' &&
    typeof o.modified === 'string' &&
    o.modified !== o.created &&
    toVersionKey(o.modified) < toVersionKey(o.created)
  )
    c.fail('.modified', 'is earlier than created');
  if (o.created_by_ref !== undefined)
    checkRef(c, '.created_by_ref', o.created_by_ref, { allow: ['identity'] });
  if (o.labels !== undefined) checkStringList(c, '.labels', o.labels);
  if (o.revoked !== undefined) checkBoolean(c, '.revoked', o.revoked);
  if (o.confidence !== undefined)
    checkNumber(c, '.confidence', o.confidence, { integer: true, min: 0, max: 100 });
  if (o.lang !== undefined) checkString(c, '.lang', o.lang);
  if (o.external_references !== undefined)
    checkList(c, '.external_references', o.external_references, (p, v) =>
      checkExternalReference(c, p, v),
    );
  checkMarkingsAndExtensions(c, o, false);
  checkTearlineProperties(c, o);
}

/** Common properties of SCOs (STIX 2.1 §3.2, cyber-observable-core). */
function checkScoCommon(c: IssueCollector, o: Record<string, Json>): void {
  if (o.spec_version !== undefined && o.spec_version !== '2.1')
    c.fail('.spec_version', `must be "2.1", not ${describe(o.spec_version)}`);
  if (o.defanged !== undefined) checkBoolean(c, '.defanged', o.defanged);
  checkMarkingsAndExtensions(c, o, true);
}

function checkMarkingsAndExtensions(
  c: IssueCollector,
  o: Record<string, Json>,
  sco: boolean,
): void {
  if (o.object_marking_refs !== undefined)
    checkRefList(c, '.object_marking_refs', o.object_marking_refs, {
      allow: ['marking-definition'],
    });
  if (o.granular_markings !== undefined)
    checkGranularMarkings(c, '.granular_markings', o.granular_markings, o);
  if (o.extensions !== undefined)
    checkExtensions(c, o.extensions, { allowPredefined: sco }, (cc, path, key, ext) => {
      if (key === CONFLICT_EVENT_EXTENSION_ID) {
        if (o.type !== 'incident')
          cc.fail(path, 'the conflict-event extension applies to incident only');
        else checkConflictEventProperties(cc, path, ext);
      }
    });
  checkReservedProperties(c, o);
  checkPropertyNamesAndValues(c, '', o);
}

/** Tearline's own custom properties: the Admiralty grade and evidence spans. */
function checkTearlineProperties(c: IssueCollector, o: Record<string, Json>): void {
  if (o.x_tearline_grade !== undefined && !isAdmiraltyGrade(o.x_tearline_grade))
    c.fail('.x_tearline_grade', 'must be { reliability: A–F, credibility: 1–6 }');
  if (o.x_tearline_evidence !== undefined) {
    checkList(c, '.x_tearline_evidence', o.x_tearline_evidence, (p, span) => {
      if (!isRecord(span))
        return c.fail(p, `must be { report_ref, start, end }, not ${describe(span)}`);
      checkRef(c, `${p}.report_ref`, span.report_ref, { allow: ['report'] });
      checkNumber(c, `${p}.start`, span.start, { integer: true, min: 0 });
      checkNumber(c, `${p}.end`, span.end, { integer: true, min: 0 });
      if (typeof span.start === 'number' && typeof span.end === 'number' && span.end < span.start)
        c.fail(`${p}.end`, 'is before start');
    });
  }
}

/** The properties of an extension-definition (STIX 2.1 §7.3). */
function checkExtensionDefinition(c: IssueCollector, o: Record<string, Json>): void {
  for (const key of ['name', 'schema', 'version', 'extension_types']) {
    if (o[key] === undefined) c.fail(`.${key}`, 'is required');
  }
  for (const key of ['name', 'description', 'schema', 'version']) {
    if (o[key] !== undefined) checkString(c, `.${key}`, o[key]);
  }
  if (o.extension_types !== undefined) {
    checkList(c, '.extension_types', o.extension_types, (p, v) => {
      if (!EXTENSION_TYPES.includes(v as (typeof EXTENSION_TYPES)[number]))
        c.fail(p, `must be one of ${EXTENSION_TYPES.join(', ')}`);
    });
  }
  if (o.extension_properties !== undefined) {
    checkStringList(c, '.extension_properties', o.extension_properties);
    if (
      !Array.isArray(o.extension_types) ||
      !o.extension_types.includes('toplevel-property-extension')
    )
      c.fail(
        '.extension_properties',
        'is allowed only with extension type toplevel-property-extension',
      );
  }
}

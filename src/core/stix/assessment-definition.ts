import {
  ANALYTIC_CONFIDENCE_LEVELS,
  ASSESSMENT_EXTENSION_ID,
  LIKELIHOOD_TERMS,
} from './assessment-extension.js';

/** The identity that authors Tearline's own extension definitions. */
export const TEARLINE_PROJECT_IDENTITY_ID =
  'identity--2f0c5b7e-8d41-4a9c-b3e6-7a1d9c4e5f20' as const;

/** JSON schema (Draft 2020-12) of the assessment extension's properties. */
export const ASSESSMENT_EXTENSION_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://tearline.invalid/schemas/assessment-extension.json',
  title: 'Tearline capability and intent assessment (property extension of note)',
  type: 'object',
  required: [
    'extension_type',
    'subject_ref',
    'capability',
    'intent',
    'analytic_confidence',
    'rationale',
    'evidence_refs',
    'author',
    'valid_from',
  ],
  properties: {
    extension_type: { const: 'property-extension' },
    subject_ref: { type: 'string', pattern: '^threat-actor--[0-9a-fA-F-]{36}$' },
    region_countries: { type: 'array', items: { type: 'string', pattern: '^[A-Z]{2}$' } },
    target_description: { type: 'string' },
    capability: { enum: LIKELIHOOD_TERMS },
    intent: { enum: LIKELIHOOD_TERMS },
    analytic_confidence: { enum: [...ANALYTIC_CONFIDENCE_LEVELS] },
    rationale: { type: 'string', minLength: 1 },
    evidence_refs: {
      type: 'array',
      items: { type: 'string', pattern: '^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F-]{36}$' },
    },
    author: { type: 'string', minLength: 1 },
    valid_from: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$',
    },
    supersedes_ref: { type: 'string', pattern: '^note--[0-9a-fA-F-]{36}$' },
  },
  additionalProperties: false,
} as const;

/**
 * The STIX 2.1 extension-definition object (§7.3) that announces the assessment extension to
 * partners. Its `schema` names the JSON schema above by its $id; the schema itself ships with
 * Tearline, so nothing is fetched to validate.
 */
export const ASSESSMENT_EXTENSION_DEFINITION = {
  type: 'extension-definition',
  spec_version: '2.1',
  id: ASSESSMENT_EXTENSION_ID,
  created_by_ref: TEARLINE_PROJECT_IDENTITY_ID,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: 'Tearline capability and intent assessment',
  description:
    'An analytic judgment on a note: capability and intent of a threat actor toward a region or ' +
    'target, each an ICD 203 likelihood term, with analytic confidence, rationale, evidence, ' +
    'author, validity start and the assessment it supersedes.',
  schema: ASSESSMENT_EXTENSION_SCHEMA.$id,
  version: '1.0.0',
  extension_types: ['property-extension'],
} as const;

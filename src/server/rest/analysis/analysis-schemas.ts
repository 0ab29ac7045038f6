import type {
  ActorRecord,
  Alert,
  CollectionGap,
  WebhookConfig,
} from '../../../core/ports/analysis.js';
import type { ActorProfile } from '../../../analysis/actor-profile.js';
import type { AssessmentHistory } from '../../../analysis/assessment-history.js';
import type { AssessmentView } from '../../../analysis/assessment.js';
import type { Trend } from '../../../analysis/trend.js';
import type { Covers } from '../../openapi/schema-coverage.js';
import { stixObjectSchema } from '../objects/object-schemas.js';

// Request and response schemas of the analysis routes (ADR 0028). Fastify validates bodies and
// serialises answers from them; each answer's schema is checked at compile time to name every
// property of its domain type (`Covers`), so that none is dropped on the way out.
// Bodies name no required fields: a missing one is refused by the service, in its own words.

const str = { type: 'string' } as const;
const num = { type: 'number' } as const;
const int = { type: 'integer' } as const;
const strings = { type: 'array', items: str } as const;
const countRange = {
  type: 'object',
  required: ['min'],
  properties: { min: num, max: num },
} as const;

export const actorSchema = {
  type: 'object',
  required: ['id', 'name', 'aliases', 'threatActorTypes'],
  properties: {
    id: str,
    name: str,
    aliases: strings,
    threatActorTypes: strings,
    description: str,
  },
} as const;

export const actorListResponse = {
  type: 'object',
  required: ['actors'],
  properties: { actors: { type: 'array', items: actorSchema } },
} as const;

const rateChangeSchema = {
  type: 'object',
  required: [
    'recentCount',
    'baselineCount',
    'recentMonths',
    'baselineMonths',
    'recentRate',
    'baselineRate',
    'rateRatio',
    'direction',
    'pValue',
    'alpha',
    'significant',
  ],
  properties: {
    recentCount: num,
    baselineCount: num,
    recentMonths: num,
    baselineMonths: num,
    recentRate: num,
    baselineRate: num,
    rateRatio: { type: ['number', 'null'] },
    direction: { type: 'string', enum: ['rise', 'fall', 'steady'] },
    pValue: num,
    alpha: num,
    significant: { type: 'boolean' },
  },
} as const;

const monthCountSchema = {
  type: 'object',
  required: ['month', 'incidents', 'lethalIncidents', 'fatalities', 'injuries'],
  properties: {
    month: str,
    incidents: num,
    lethalIncidents: num,
    fatalities: num,
    injuries: num,
  },
} as const;

const trendProperties = {
  asOf: str,
  months: { type: 'array', items: monthCountSchema },
  tempo: rateChangeSchema,
  lethality: rateChangeSchema,
  fatalitiesPerIncident: {
    type: 'object',
    required: ['recent', 'baseline'],
    properties: { recent: { type: ['number', 'null'] }, baseline: { type: ['number', 'null'] } },
  },
} as const;
const trendRequired = ['asOf', 'months', 'tempo', 'lethality', 'fatalitiesPerIncident'] as const;

export const trendSchema = {
  type: 'object',
  required: trendRequired,
  properties: trendProperties,
} as const;

/** A trend for one actor, country or region: the subject asked for and a region's countries. */
export const trendResponse = {
  type: 'object',
  required: [...trendRequired, 'subject'],
  properties: {
    ...trendProperties,
    subject: {
      type: 'object',
      properties: { actor: str, country: str, region: str },
    },
    countries: strings,
  },
} as const;

export const assessmentSchema = {
  type: 'object',
  required: [
    'id',
    'subjectRef',
    'capability',
    'intent',
    'analyticConfidence',
    'rationale',
    'evidenceRefs',
    'author',
    'validFrom',
    'regionCountries',
    'statement',
    'note',
  ],
  properties: {
    id: str,
    subjectRef: str,
    capability: str,
    intent: str,
    analyticConfidence: str,
    rationale: str,
    evidenceRefs: strings,
    author: str,
    validFrom: str,
    regionCountries: strings,
    targetDescription: str,
    supersedes: str,
    statement: strings,
    note: stixObjectSchema,
  },
} as const;

export const assessmentHistorySchema = {
  type: 'object',
  required: ['subjectRef', 'current', 'entries'],
  properties: {
    subjectRef: str,
    current: { type: 'array', items: assessmentSchema },
    entries: {
      type: 'array',
      items: {
        type: 'object',
        required: ['assessment', 'changes', 'evidenceAdded', 'evidenceRemoved', 'current'],
        properties: {
          assessment: assessmentSchema,
          previousId: str,
          changes: {
            type: 'array',
            items: {
              type: 'object',
              required: ['field', 'label', 'before', 'after'],
              properties: {
                field: {
                  type: 'string',
                  enum: [
                    'capability',
                    'intent',
                    'analyticConfidence',
                    'regionCountries',
                    'targetDescription',
                  ],
                },
                label: str,
                before: str,
                after: str,
                direction: { type: 'string', enum: ['raised', 'lowered'] },
              },
            },
          },
          evidenceAdded: strings,
          evidenceRemoved: strings,
          current: { type: 'boolean' },
        },
      },
    },
  },
} as const;

const incidentFactSchema = {
  type: 'object',
  required: ['incidentId', 'actorId', 'name', 'status', 'eventType', 'subEventType', 'reportRefs'],
  properties: {
    incidentId: str,
    actorId: str,
    name: str,
    eventDate: str,
    month: str,
    country: str,
    admin1: str,
    locationName: str,
    latitude: num,
    longitude: num,
    status: str,
    eventType: str,
    subEventType: str,
    fatalities: num,
    injuries: num,
    fatalitiesRange: countRange,
    injuriesRange: countRange,
    grade: str,
    reportRefs: strings,
  },
} as const;

const namedCountSchema = {
  type: 'object',
  required: ['key', 'name', 'incidents'],
  properties: {
    key: str,
    name: str,
    country: str,
    latitude: num,
    longitude: num,
    incidents: num,
  },
} as const;

export const actorProfileSchema = {
  type: 'object',
  required: [
    'actor',
    'relationships',
    'totals',
    'trend',
    'reach',
    'places',
    'targets',
    'keyIncidents',
    'recentIncidents',
    'assessments',
  ],
  properties: {
    actor: actorSchema,
    relationships: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'id',
          'relationshipType',
          'direction',
          'otherActorId',
          'otherActorName',
          'active',
        ],
        properties: {
          id: str,
          relationshipType: str,
          direction: { type: 'string', enum: ['outgoing', 'incoming'] },
          otherActorId: str,
          otherActorName: str,
          description: str,
          startTime: str,
          stopTime: str,
          active: { type: 'boolean' },
        },
      },
    },
    totals: {
      type: 'object',
      required: ['incidents', 'undated', 'unplaced', 'fatalities', 'injuries'],
      properties: { incidents: num, undated: num, unplaced: num, fatalities: num, injuries: num },
    },
    trend: trendSchema,
    reach: {
      type: 'object',
      required: ['homeCountries', 'homeInferred', 'countries', 'externalOperations'],
      properties: {
        homeCountries: strings,
        homeInferred: { type: 'boolean' },
        countries: {
          type: 'array',
          items: {
            type: 'object',
            required: ['country', 'incidents', 'fatalities', 'firstIncidentId', 'external'],
            properties: {
              country: str,
              incidents: num,
              fatalities: num,
              firstDate: str,
              firstIncidentId: str,
              external: { type: 'boolean' },
            },
          },
        },
        externalOperations: num,
      },
    },
    places: { type: 'array', items: namedCountSchema },
    targets: { type: 'array', items: namedCountSchema },
    keyIncidents: { type: 'array', items: incidentFactSchema },
    recentIncidents: { type: 'array', items: incidentFactSchema },
    assessments: assessmentHistorySchema,
  },
} as const;

export const homeCountriesBody = {
  type: 'object',
  additionalProperties: false,
  properties: { countries: { type: 'array', maxItems: 250, items: str } },
} as const;

export const homeCountriesResponse = {
  type: 'object',
  required: ['actorId', 'homeCountries'],
  properties: { actorId: str, homeCountries: strings },
} as const;

export const reindexResponse = {
  type: 'object',
  required: ['actors', 'actorRelationships', 'incidents', 'assessments'],
  properties: { actors: int, actorRelationships: int, incidents: int, assessments: int },
} as const;

/** Left-out likelihoods and confidence of a superseding judgment carry over from its predecessor. */
export const assessmentBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    subjectRef: { type: 'string', maxLength: 300 },
    capability: str,
    intent: str,
    analyticConfidence: str,
    rationale: { type: 'string', maxLength: 20_000 },
    evidenceRefs: { type: 'array', maxItems: 1000, items: str },
    validFrom: str,
    regionCountries: { type: 'array', maxItems: 250, items: str },
    targetDescription: { type: 'string', maxLength: 2000 },
    supersedes: str,
    allowFork: { type: 'boolean' },
  },
} as const;

export const collectionGapSchema = {
  type: 'object',
  required: [
    'id',
    'countries',
    'topic',
    'since',
    'reason',
    'requirements',
    'actorIds',
    'created',
    'modified',
  ],
  properties: {
    id: str,
    countries: strings,
    region: str,
    topic: str,
    since: str,
    reason: str,
    requirements: strings,
    actorIds: strings,
    created: str,
    modified: str,
  },
} as const;

export const collectionGapListResponse = {
  type: 'object',
  required: ['gaps'],
  properties: { gaps: { type: 'array', items: collectionGapSchema } },
} as const;

export const collectionGapBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    countries: { type: 'array', maxItems: 250, items: str },
    region: str,
    topic: str,
    since: str,
    reason: str,
    requirements: { type: 'array', maxItems: 200, items: str },
    actorIds: { type: 'array', maxItems: 200, items: str },
  },
} as const;

export const alertSchema = {
  type: 'object',
  required: ['id', 'rule', 'severity', 'message', 'details', 'dedupeKey', 'created'],
  properties: {
    id: str,
    rule: {
      type: 'string',
      enum: [
        'new-country',
        'external-operation',
        'assessment-contradicted',
        'tempo-rise',
        'fatalities-threshold',
      ],
    },
    severity: { type: 'string', enum: ['info', 'warning', 'critical'] },
    actorId: str,
    incidentId: str,
    assessmentId: str,
    message: str,
    details: { type: 'object', additionalProperties: true },
    dedupeKey: str,
    created: str,
    acknowledgedAt: str,
    acknowledgedBy: str,
  },
} as const;

export const alertListResponse = {
  type: 'object',
  required: ['alerts'],
  properties: { alerts: { type: 'array', items: alertSchema } },
} as const;

const webhookSchema = {
  type: 'object',
  required: ['url', 'enabled', 'minSeverity', 'modified'],
  properties: {
    url: str,
    enabled: { type: 'boolean' },
    minSeverity: { type: 'string', enum: ['info', 'warning', 'critical'] },
    modified: str,
  },
} as const;

export const webhookResponse = {
  type: 'object',
  required: ['webhook'],
  properties: { webhook: { anyOf: [webhookSchema, { type: 'null' }] } },
} as const;

export const webhookBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    url: { type: 'string', maxLength: 2000 },
    enabled: { type: 'boolean' },
    minSeverity: str,
  },
} as const;

export const noContent = { type: 'null', description: 'Done; no body' } as const;

const covered: [
  Covers<ActorRecord, typeof actorSchema>,
  Covers<Trend, typeof trendSchema>,
  Covers<AssessmentView, typeof assessmentSchema>,
  Covers<AssessmentHistory, typeof assessmentHistorySchema>,
  Covers<ActorProfile, typeof actorProfileSchema>,
  Covers<CollectionGap, typeof collectionGapSchema>,
  Covers<Alert, typeof alertSchema>,
  Covers<WebhookConfig, typeof webhookSchema>,
] = [true, true, true, true, true, true, true, true];
void covered;

import type {
  ActorRecord,
  ActorTotals,
  CountryReach,
  IncidentFact,
  MonthCount,
  NamedCount,
} from '../../src/core/ports/analysis.js';

/** A recent-against-baseline rate comparison, as the trends API returns it. */
export interface RateChangeView {
  recentRate: number;
  baselineRate: number;
  rateRatio: number | null;
  direction: 'rise' | 'fall' | 'steady';
  pValue: number;
  significant: boolean;
}

/** One assessment as the API returns it. */
export interface AssessmentView {
  id: string;
  subjectRef: string;
  capability: string;
  intent: string;
  analyticConfidence: string;
  rationale: string;
  evidenceRefs: string[];
  author: string;
  validFrom: string;
  regionCountries: string[];
  targetDescription?: string;
  supersedes?: string;
  statement: string[];
}

/** An actor's judgment history. */
export interface AssessmentHistoryView {
  subjectRef: string;
  current: AssessmentView[];
  entries: Array<{
    assessment: AssessmentView;
    previousId?: string;
    changes: Array<{
      field: string;
      label: string;
      before: string;
      after: string;
      direction?: string;
    }>;
    evidenceAdded: string[];
    evidenceRemoved: string[];
    current: boolean;
  }>;
}

/** An actor's profile (GET /api/actors/{actor}/profile). */
export interface ActorProfileView {
  actor: ActorRecord;
  relationships: Array<{
    id: string;
    relationshipType: string;
    direction: 'outgoing' | 'incoming';
    otherActorId: string;
    otherActorName: string;
    description?: string;
    active: boolean;
  }>;
  totals: ActorTotals;
  trend: {
    asOf: string;
    months: MonthCount[];
    tempo: RateChangeView;
    lethality: RateChangeView;
    fatalitiesPerIncident: { recent: number | null; baseline: number | null };
  };
  reach: {
    homeCountries: string[];
    homeInferred: boolean;
    countries: Array<CountryReach & { external: boolean }>;
    externalOperations: number;
  };
  places: NamedCount[];
  targets: NamedCount[];
  keyIncidents: IncidentFact[];
  recentIncidents: IncidentFact[];
  assessments: AssessmentHistoryView;
}

/** ICD 203 likelihood terms, lowest first (the vocabulary of src/core/vocab/estimative.ts). */
export const LIKELIHOOD_TERMS = [
  'almost-no-chance',
  'very-unlikely',
  'unlikely',
  'roughly-even-chance',
  'likely',
  'very-likely',
  'almost-certain',
] as const;

/** Analytic confidence levels (ICD 203). */
export const CONFIDENCE_LEVELS = ['low', 'moderate', 'high'] as const;

/** A likelihood term in words ("very-likely" → "very likely"). */
export function toWords(term: string): string {
  return term.replaceAll('-', ' ');
}

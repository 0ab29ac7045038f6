import type { ApiAnswer } from './api-types.js';

/** An actor's profile (GET /api/actors/{actor}/profile). */
export type ActorProfileView = ApiAnswer<'/api/actors/{actor}/profile', 'get'>;

/** An actor's judgment history. */
export type AssessmentHistoryView = ApiAnswer<'/api/actors/{actor}/assessments', 'get'>;

/** One assessment as the API returns it. */
export type AssessmentView = ApiAnswer<'/api/assessments/{id}', 'get'>;

/** A recent-against-baseline rate comparison, as the trends API returns it. */
export type RateChangeView = ApiAnswer<'/api/trends', 'get'>['tempo'];

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

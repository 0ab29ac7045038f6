import type { ApiAnswer } from '../api-types.js';

// The sharing API's answers, named as the sharing pages use them; each is the type generated
// from the route's schema (npm run api:types), never a copy.

/** A partner (GET /api/partners/{id}). */
export type Partner = ApiAnswer<'/api/partners/{id}', 'get'>;

/** Every partner (GET /api/partners). */
export type PartnerList = ApiAnswer<'/api/partners', 'get'>;

/** A partner's TAXII credential as listed to an admin (never its secret or its hash). */
export type PartnerCredentialView = ApiAnswer<
  '/api/partners/{id}/credentials',
  'get'
>['credentials'][number];

/** One change to an agreement: who, when, what and why. */
export type AgreementEvent = ApiAnswer<'/api/agreements/{id}', 'get'>['events'][number];

/** An agreement as stored. */
export type Agreement = AgreementRow['agreement'];

/** An entry of the disclosure ledger. */
export type LedgerEntry = ApiAnswer<'/api/ledger', 'get'>['entries'][number];

/** A ledger entry with the names the API puts beside its ids (partner, object, source). */
export type LedgerRowView = LedgerEntry;

/** Releases as the API lists them (GET /api/releases). */
export type ReleaseList = ApiAnswer<'/api/releases', 'get'>;

/** A release as the API lists it (the internal id map is never sent). */
export type ReleaseView = ReleaseList['releases'][number];

/** An agreement with its effective state now. */
export type AgreementRow = ApiAnswer<'/api/agreements', 'get'>['agreements'][number];

/** A release preview. */
export type PreviewView = ApiAnswer<'/api/releases/{id}/preview', 'get'>;

/** One line of a preview: the source beside what the partner receives, and why. */
export type PreviewItemView = PreviewView['items'][number];

/** A related object the release offers, with whether it is included. */
export type RelatedOfferView = NonNullable<PreviewView['related']>[number];

/** A residual-scan finding in the served bytes; approval needs a reason for each. */
export type ReleaseFinding = PreviewView['findings'][number];

/** The ledger's verdict. */
export type LedgerVerdictView = ApiAnswer<'/api/ledger/verify', 'get'>;

/** The tearline transforms an analyst can pick without parameters beyond a choice. */
export const TRANSFORM_CHOICES: Array<{
  key: string;
  label: string;
  transform: Record<string, unknown>;
}> = [
  { key: 'strip-sources', label: 'Drop sources and methods', transform: { kind: 'strip-sources' } },
  {
    key: 'coarsen-place',
    label: 'Coarsen places to the province',
    transform: { kind: 'coarsen-place', to: 'admin1' },
  },
  {
    key: 'coarsen-place-country',
    label: 'Coarsen places to the country',
    transform: { kind: 'coarsen-place', to: 'country' },
  },
  {
    key: 'coarsen-date',
    label: 'Coarsen dates to the month',
    transform: { kind: 'coarsen-date', to: 'month' },
  },
  {
    key: 'remove-person-names',
    label: 'Remove person names',
    transform: { kind: 'remove-person-names' },
  },
  {
    key: 'confidence-floor',
    label: 'Drop what is below confidence 50',
    transform: { kind: 'confidence-floor', min: 50 },
  },
];

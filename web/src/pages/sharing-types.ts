import type {
  Agreement,
  LedgerEntry,
  Partner as PartnerRecord,
  Release,
  ReleaseFinding,
} from '../../../src/core/ports/sharing.js';
import type { StixObject } from '../stix.js';

export type { Agreement, LedgerEntry, ReleaseFinding };

/** A partner as the API lists it, with the transforms its trust tier adds to every release. */
export interface Partner extends PartnerRecord {
  minimumTransforms?: Array<Record<string, unknown>>;
}

/** A ledger entry with the names the API puts beside its ids. */
export interface LedgerRowView extends LedgerEntry {
  partnerName: string;
  /** The released object's name as the partner received it. */
  objectName: string;
  objectType: string;
  /** The internal object it was released from. */
  sourceId?: string;
}

/** A release as the API lists it (the internal id map is never sent). */
export type ReleaseView = Omit<Release, 'idMap'>;

/** An agreement with its effective state now. */
export interface AgreementRow {
  agreement: Agreement;
  effective: { state: string; reasons: string[] };
}

/** One line of a preview: the source beside what the partner receives, and why. */
export interface PreviewItemView {
  source: StixObject;
  released?: StixObject;
  decision: {
    sourceId: string;
    released: boolean;
    releasedId?: string;
    reason?: string;
    changes: string[];
  };
}

/** A release preview. */
export interface PreviewView {
  release: ReleaseView;
  bundle?: { type: 'bundle'; id: string; objects: StixObject[] };
  /** The residual scan's findings in the served bytes; approval needs a reason for each. */
  findings?: ReleaseFinding[];
  items: PreviewItemView[];
}

/** The ledger's verdict. */
export type LedgerVerdictView =
  | { ok: true; entries: number; head?: string }
  | { ok: false; entries: number; badSeq: number; position: number; reason: string };

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

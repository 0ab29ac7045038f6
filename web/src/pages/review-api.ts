import type { DraftItem, DraftRecord } from '../../../src/core/ports/ingest.js';
import { callApi, toQuery } from '../api.js';
import type { StixObject } from '../stix.js';

/** A merge candidate of a proposed incident (src/ingest/review/merge-candidates.ts). */
export interface MergeCandidateView {
  incident: StixObject;
  dayGap: number;
  distanceKm?: number;
  actors: string[];
}

/** A draft in the inbox list (the API leaves the text out of lists). */
export type DraftSummary = Omit<DraftRecord, 'text' | 'report'> & { reportId: string };

/** A draft as the review screen reads it. */
export interface DraftViewData {
  draft: DraftRecord;
  items: DraftItem[];
  mergeCandidates: Record<string, MergeCandidateView[]>;
}

const base = (draftId: string) => `/api/drafts/${encodeURIComponent(draftId)}`;
const item = (draftId: string, itemId: string) =>
  `${base(draftId)}/items/${encodeURIComponent(itemId)}`;

/** The review API in one place, so that the screen follows the ingest routes by one edit. */
export const reviewApi = {
  listDrafts: (state = 'open') =>
    callApi<{ drafts: DraftSummary[]; total?: number }>('GET', `/api/drafts${toQuery({ state })}`),
  getDraft: (draftId: string) => callApi<DraftViewData>('GET', base(draftId)),
  accept: (draftId: string, itemId: string) =>
    callApi('POST', `${item(draftId, itemId)}/accept`, {}),
  reject: (draftId: string, itemId: string) =>
    callApi('POST', `${item(draftId, itemId)}/reject`, {}),
  edit: (draftId: string, itemId: string, properties: Record<string, unknown>) =>
    callApi('PATCH', item(draftId, itemId), { properties }),
  merge: (draftId: string, itemId: string, targetIncidentId: string) =>
    callApi('POST', `${item(draftId, itemId)}/merge`, { targetIncidentId }),
  acceptAll: (draftId: string) => callApi('POST', `${base(draftId)}/accept-all`, {}),
  /** Submits a pasted report graded on the Admiralty scale (e.g. "B2"); answers with its draft. */
  submitReport: (report: { text: string; title?: string; published?: string; grade: string }) =>
    callApi<{ draftId: string; state: string; note?: string }>('POST', '/api/reports', report),
};

import { callApi } from '../api.js';
import { Link } from '../router.js';
import type { StixObject } from '../stix.js';
import { nameOf, Panel, shortDate } from '../ui.js';
import { useLoad } from '../use-load.js';

/** A span of a report's text that supports an object (`x_tearline_evidence`). */
export interface EvidenceSpan {
  report_ref: string;
  start: number;
  end: number;
}

/** Past this many characters a quoted span is cut, with an ellipsis. */
const QUOTE_LIMIT = 280;

/**
 * Where an object comes from, in words: each supporting report by name and date, with the
 * sentence it rests on quoted from the report's text (an analyst judges a claim by its wording,
 * not by character offsets). A report the reader may not open keeps its link and offsets.
 */
export function EvidenceList(props: { evidence: readonly EvidenceSpan[] }) {
  // The reports, by a key that changes only when the set of reports does.
  const refsKey = [...new Set(props.evidence.map((e) => e.report_ref))].join(' ');
  const reports = useLoad(() => {
    const refs = refsKey.split(' ');
    return Promise.all(
      refs.map((id) =>
        callApi<StixObject>('GET', `/api/objects/${encodeURIComponent(id)}`).catch(() => undefined),
      ),
    ).then((found) => new Map(refs.map((id, i) => [id, found[i]])));
  }, [refsKey]);
  return (
    <Panel title="Evidence">
      <ul className="list evidence">
        {props.evidence.map((e) => {
          const report = reports.data?.get(e.report_ref);
          const text = typeof report?.description === 'string' ? report.description : undefined;
          return (
            <li key={`${e.report_ref}-${e.start}-${e.end}`}>
              <Link to={`/objects/${e.report_ref}`}>{report ? nameOf(report) : 'Report'}</Link>{' '}
              <span className="muted">
                {report && shortDate(report.published)} · characters {e.start}–{e.end}
              </span>
              {text !== undefined && <blockquote>{quoteOf(text, e)}</blockquote>}
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}

/** The span's words, whitespace folded, cut at a word near the limit. */
function quoteOf(text: string, span: EvidenceSpan): string {
  const words = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  if (words.length <= QUOTE_LIMIT) return words;
  const cut = words.lastIndexOf(' ', QUOTE_LIMIT);
  return `${words.slice(0, cut > 0 ? cut : QUOTE_LIMIT)} …`;
}

import { useState, type FormEvent } from 'react';
import { ApiError, callApi } from '../api.js';
import {
  CONFIDENCE_LEVELS,
  LIKELIHOOD_TERMS,
  toWords,
  type ActorProfileView,
  type AssessmentView,
} from '../analysis-types.js';

/** An incident the profile lists, offered as evidence. */
type IncidentFact = ActorProfileView['keyIncidents'][number];

/**
 * A new judgment that supersedes the current one: estimative-language pickers, a rationale, and
 * evidence chosen from the actor's incidents in the store.
 */
export function AssessmentForm(props: {
  actorId: string;
  current?: AssessmentView;
  evidence: IncidentFact[];
  /** Names of objects the current judgment cites, by id. */
  names?: ReadonlyMap<string, string>;
  onSaved: () => void;
}) {
  const { current } = props;
  const [capability, setCapability] = useState(current?.capability ?? 'roughly-even-chance');
  const [intent, setIntent] = useState(current?.intent ?? 'roughly-even-chance');
  const [confidence, setConfidence] = useState(current?.analyticConfidence ?? 'moderate');
  const [target, setTarget] = useState(current?.targetDescription ?? '');
  const [countries, setCountries] = useState((current?.regionCountries ?? []).join(', '));
  const [rationale, setRationale] = useState('');
  const [evidence, setEvidence] = useState<Set<string>>(new Set(current?.evidenceRefs ?? []));
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const seen = new Set<string>();
  const choices = props.evidence.filter((f) => !seen.has(f.incidentId) && seen.add(f.incidentId));
  // Evidence the current judgment cites beyond the actor's listed incidents (reports, notes,
  // older incidents): shown so that it is carried over only when the analyst can see it.
  const cited = (current?.evidenceRefs ?? []).filter((r) => !seen.has(r));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(undefined);
    try {
      await callApi('POST', '/api/assessments', {
        subjectRef: props.actorId,
        capability,
        intent,
        analyticConfidence: confidence,
        rationale,
        evidenceRefs: [...evidence],
        regionCountries: countries
          .split(/[\s,;]+/)
          .map((c) => c.trim().toUpperCase())
          .filter(Boolean),
        // Every field the form shows is sent: an emptied target clears it.
        targetDescription: target.trim(),
        ...(current ? { supersedes: current.id } : {}),
      });
      setMessage({ ok: true, text: 'Assessment recorded.' });
      setRationale('');
      props.onSaved();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const toggle = (id: string) =>
    setEvidence((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-label="New assessment">
      {current && (
        <p className="muted">
          This judgment supersedes the current one of {current.validFrom.slice(0, 10)}.
        </p>
      )}
      <div className="row">
        <div>
          <label htmlFor="as-capability">Capability</label>
          <select
            id="as-capability"
            value={capability}
            onChange={(e) => setCapability(e.target.value)}
          >
            {LIKELIHOOD_TERMS.map((t) => (
              <option key={t} value={t}>
                {toWords(t)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="as-intent">Intent</label>
          <select id="as-intent" value={intent} onChange={(e) => setIntent(e.target.value)}>
            {LIKELIHOOD_TERMS.map((t) => (
              <option key={t} value={t}>
                {toWords(t)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="as-confidence">Analytic confidence</label>
          <select
            id="as-confidence"
            value={confidence}
            onChange={(e) => setConfidence(e.target.value)}
          >
            {CONFIDENCE_LEVELS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="grow">
          <label htmlFor="as-target">Region or target</label>
          <input
            id="as-target"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            placeholder="e.g. operations in Europe"
          />
        </div>
      </div>
      <div>
        <label htmlFor="as-countries">Countries judged (ISO codes, comma-separated)</label>
        <input
          id="as-countries"
          value={countries}
          onChange={(e) => setCountries(e.target.value)}
          placeholder="e.g. AF, PK"
        />
      </div>
      <label htmlFor="as-rationale">Rationale</label>
      <textarea
        id="as-rationale"
        required
        rows={4}
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
      />
      <fieldset>
        <legend>Evidence from the store</legend>
        {choices.length === 0 && <p className="muted">No incidents of this actor yet.</p>}
        <ul className="checks">
          {choices.map((f) => (
            <li key={f.incidentId}>
              <label>
                <input
                  type="checkbox"
                  checked={evidence.has(f.incidentId)}
                  onChange={() => toggle(f.incidentId)}
                />{' '}
                {f.name} <span className="muted">{f.eventDate ?? ''}</span>
              </label>
            </li>
          ))}
          {cited.map((r) => (
            <li key={r}>
              <label>
                <input type="checkbox" checked={evidence.has(r)} onChange={() => toggle(r)} />{' '}
                {props.names?.get(r) ?? r}{' '}
                <span className="muted">cited by the current judgment</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <div>
        <button type="submit" disabled={busy}>
          {busy ? 'Recording…' : current ? 'Record and supersede' : 'Record assessment'}
        </button>
      </div>
    </form>
  );
}

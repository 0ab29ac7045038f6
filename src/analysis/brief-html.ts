import { toCountRangeText } from '../core/stix/count-range-text.js';
import { ESTIMATIVE_BANDS } from '../core/vocab/estimative.js';
import { toLikelihoodWords, isLikelihoodTerm } from '../core/stix/assessment-extension.js';
import { renderTempoChart } from './brief-chart.js';
import { escapeXml as esc, renderIncidentMap } from './brief-map.js';
import type { BriefModel } from './brief-model.js';
import { BRIEF_CSS } from './brief-style.js';

/**
 * A self-contained HTML brief (inline CSS and SVG, no scripts, no external resources) for A4:
 * bottom line in estimative language, what changed, activity and trend, reach map, key incidents
 * with sources and grades, collection gaps, relationships.
 *
 * @example writeFileSync('brief.html', renderBriefHtml(await createBriefModel(deps, 'ISIS-K')))
 */
export function renderBriefHtml(model: BriefModel): string {
  const { profile, current, previous } = model;
  const { actor, totals, trend, reach } = profile;
  const aliases = actor.aliases.filter((a) => a !== actor.name);
  const section = (title: string, body: string) =>
    `<section><h2>${esc(title)}</h2>${body}</section>`;

  const bottomLine = current
    ? `<div class="judgment">${current.statement.map((s) => `<p>${esc(s)}</p>`).join('')}</div>
       <p class="meta">Judgment by ${esc(current.author)}, in effect from ${esc(day(current.validFrom))}.</p>
       <p class="rationale">${esc(current.rationale)}</p>`
    : '<p class="none">No assessment of this actor has been recorded yet.</p>';

  const changed = !current
    ? ''
    : !previous
      ? '<p class="none">This is the first recorded assessment of this actor.</p>'
      : `<p>Supersedes the judgment of ${esc(day(previous.validFrom))} by ${esc(previous.author)}.</p>
         ${
           model.changes.length === 0
             ? '<p class="none">Capability, intent and confidence are unchanged.</p>'
             : `<table class="changes"><thead><tr><th></th><th>Before</th><th>Now</th></tr></thead><tbody>${model.changes
                 .map(
                   (c) =>
                     `<tr><th>${esc(c.label)}</th><td>${esc(words(c.before) || '—')}</td><td class="${c.direction ?? ''}">${esc(words(c.after) || '—')}${c.direction ? ` <span class="dir">(${c.direction})</span>` : ''}</td></tr>`,
                 )
                 .join('')}</tbody></table>`
         }
         ${
           model.newEvidence.length > 0
             ? `<p class="evidence">On new evidence: ${model.newEvidence.map((e) => esc(e.name)).join('; ')}.</p>`
             : ''
         }`;

  const figures = [
    [String(totals.incidents), 'incidents'],
    [String(totals.fatalities), 'killed (at least)'],
    [String(totals.injuries), 'injured (at least)'],
    [String(reach.countries.length), 'countries'],
    [String(reach.externalOperations), 'external operations'],
  ]
    .map(([n, label]) => `<div class="figure"><b>${n}</b><span>${label}</span></div>`)
    .join('');
  const unknowns = [
    totals.undated > 0
      ? `${totals.undated} incident${totals.undated === 1 ? '' : 's'} without a known date (not in the chart)`
      : '',
    model.unmapped > 0 ? `${model.unmapped} without a mapped place (not on the map)` : '',
  ].filter(Boolean);
  const t = trend.tempo;
  const tempoSentence =
    totals.incidents === 0
      ? 'No incident is recorded for this actor.'
      : `Tempo: ${t.recentRate.toFixed(1)} incidents a month over the last ${t.recentMonths} months against ${t.baselineRate.toFixed(1)} in the ${t.baselineMonths} before — ${
          t.direction === 'rise'
            ? `a rise beyond chance (p = ${t.pValue.toPrecision(2)})`
            : t.direction === 'fall'
              ? `a fall beyond chance (p = ${t.pValue.toPrecision(2)})`
              : `within normal variation (p = ${t.pValue.toPrecision(2)})`
        }.`;
  const chartMonths = trend.months.slice(-36);
  const activity = `<div class="figures">${figures}</div>
    <p>${esc(tempoSentence)}</p>
    ${chartMonths.length > 0 && totals.incidents > 0 ? renderTempoChart(chartMonths, t.recentMonths, { width: 700, height: 120 }) : ''}
    <p class="legend"><span class="swatch bar"></span> incidents a month <span class="swatch lethal"></span> of which lethal <span class="swatch recent"></span> window tested (to ${esc(trend.asOf)})</p>
    ${unknowns.length > 0 ? `<p class="note">${esc(unknowns.join('; '))}.</p>` : ''}`;

  const countryRows = reach.countries
    .map(
      (c) =>
        `<tr class="${c.external ? 'external' : ''}"><td>${esc(c.country)}${c.external ? ' (external)' : ''}</td><td class="num">${c.incidents}</td><td class="num">${c.fatalities}</td><td class="date">${esc(c.firstDate ?? 'date unknown')}</td></tr>`,
    )
    .join('');
  const reachHtml = `<p>Home countries: ${reach.homeCountries.length > 0 ? esc(reach.homeCountries.join(', ')) : 'unknown'}${reach.homeInferred && reach.homeCountries.length > 0 ? ' (inferred from where most incidents occur)' : ''}. Red marks external operations.</p>
    <div class="reach-row"><div class="map">${renderIncidentMap(model.mapPoints, { width: 440, height: 250 })}</div>
    <div class="countries">${
      countryRows
        ? `<table class="reach"><thead><tr><th>Country</th><th class="num">Incidents</th><th class="num">Killed</th><th>First</th></tr></thead><tbody>${countryRows}</tbody></table>`
        : '<p class="none">No incident with a known place.</p>'
    }</div></div>`;

  const incidents =
    model.keyIncidents.length === 0
      ? '<p class="none">No incident is recorded for this actor.</p>'
      : `<table class="incidents"><thead><tr><th>Date</th><th>Incident</th><th>Place</th><th class="num">Killed</th><th>Grade</th><th>Sources</th></tr></thead><tbody>${model.keyIncidents
          .map(
            (i) =>
              `<tr><td class="date">${esc(i.eventDate ?? 'date unknown')}</td><td>${esc(i.name)}</td><td>${esc([i.locationName, i.country].filter(Boolean).join(', ') || 'place unknown')}</td><td class="num">${esc(toCountRangeText(i.fatalitiesRange))}</td><td>${esc(i.grade ?? 'ungraded')}</td><td>${
                i.sources.length > 0
                  ? i.sources.map((s) => esc(s.name)).join('<br>')
                  : '<span class="none">none linked</span>'
              }</td></tr>`,
          )
          .join('')}</tbody></table>
        <p class="note">Grades are Admiralty codes: source reliability A (completely reliable) to F (cannot be judged), information credibility 1 (confirmed) to 6 (cannot be judged).</p>`;

  const gaps =
    model.gaps.length === 0
      ? '<p class="none">No collection gap is recorded for this actor or its countries.</p>'
      : `<ul class="gaps">${model.gaps
          .map(
            (g) =>
              `<li><b>${esc(g.topic)}</b> — ${esc([...g.countries, g.region].filter(Boolean).join(', '))}, since ${esc(g.since)}: ${esc(g.reason)}${g.requirements.length > 0 ? ` <span class="req">Blocks: ${esc(g.requirements.join(', '))}</span>` : ''}</li>`,
          )
          .join('')}</ul>`;

  const rels =
    profile.relationships.length === 0
      ? ''
      : section(
          'Affiliations and rivalries',
          `<ul class="rels">${profile.relationships
            .map((r) => {
              const who =
                r.direction === 'outgoing'
                  ? `${actor.name} ${r.relationshipType.replaceAll('-', ' ')} ${r.otherActorName}`
                  : `${r.otherActorName} ${r.relationshipType.replaceAll('-', ' ')} ${actor.name}`;
              const when = [
                r.startTime ? `since ${day(r.startTime)}` : '',
                r.stopTime ? `until ${day(r.stopTime)}` : '',
              ]
                .filter(Boolean)
                .join(' ');
              return `<li>${esc(who)}${when ? ` (${esc(when)})` : ''}${r.active ? '' : ' — ended'}</li>`;
            })
            .join('')}</ul>`,
        );

  const yardstick = ESTIMATIVE_BANDS.map((b) => `${b.words[0]} ${b.min}–${b.max} %`).join(' · ');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Brief: ${esc(actor.name)}</title><style>${BRIEF_CSS}</style></head>
<body>
<header><div class="kind">Analytic brief</div><h1>${esc(actor.name)}</h1>
<p class="aka">${aliases.length > 0 ? `Also known as ${esc(aliases.join(', '))}. ` : ''}${actor.threatActorTypes.length > 0 ? `Type: ${esc(actor.threatActorTypes.join(', '))}.` : ''}</p>
<p class="generated">Prepared ${esc(day(model.generatedAt))} from the Tearline knowledge base.</p></header>
${section('Bottom line', bottomLine)}
${current ? section('What changed', changed) : ''}
${section('Activity and trend', activity)}
${section('Reach', reachHtml)}
${section('Key incidents', incidents)}
${section('What we cannot see', gaps)}
${rels}
<footer>Likelihood terms follow ICD 203: ${esc(yardstick)}. Confidence (low, moderate, high) rates the sourcing and reasoning, not the likelihood.</footer>
</body></html>`;
}

function words(value: string): string {
  return isLikelihoodTerm(value) ? toLikelihoodWords(value) : value;
}

function day(timestamp: string): string {
  return timestamp.slice(0, 10);
}

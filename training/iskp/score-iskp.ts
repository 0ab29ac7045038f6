import { extractDocument } from '../../src/ingest/extract.js';
import type { IskpReport } from './iskp-reports.js';
import { ISKP_HALVES } from './iskp-split.js';

/** Field accuracy on our ISKP reports: type, status, date, place, perpetrator, fatalities. */
export function scoreIskp(reports: readonly IskpReport[] = ISKP_HALVES.all): {
  accuracy: number;
  wrong: string[];
} {
  let right = 0;
  let total = 0;
  const wrong: string[] = [];
  for (const r of reports) {
    const e = extractDocument({ id: r.id, text: r.text, published: r.published }).events[0];
    const got = {
      sub_event_type: e?.sub_event_type ?? null,
      status: e?.status ?? null,
      date: e?.date ?? null,
      place: e?.location?.name ?? null,
      perpetrator:
        e?.actors.find((a) => a.role === 'perpetrator' || a.role === 'claimant')?.name ?? null,
      fatalitiesMin: e?.fatalities?.min ?? null,
    };
    const checks: Array<[string, boolean]> = [
      ['sub_event_type', got.sub_event_type === r.gold.sub_event_type],
      ['status', got.status === r.gold.status],
      ['date', got.date === r.gold.date],
      [
        'place',
        r.gold.place === null
          ? true
          : (got.place ?? '').toLowerCase().includes(r.gold.place.toLowerCase()),
      ],
      ['perpetrator', got.perpetrator === r.gold.perpetrator],
      ['fatalities', got.fatalitiesMin === r.gold.fatalitiesMin],
    ];
    for (const [field, ok] of checks) {
      total++;
      if (ok) right++;
      else
        wrong.push(
          `${r.id} ${field}: got ${JSON.stringify(got[field === 'fatalities' ? 'fatalitiesMin' : (field as keyof typeof got)])}`,
        );
    }
  }
  return { accuracy: right / total, wrong };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // node --import tsx training/iskp/score-iskp.ts [look|held|all]: errors are printed for the
  // look half only; the held-back half is scored, never read.
  const half = (process.argv[2] ?? 'all') as keyof typeof ISKP_HALVES;
  const reports = ISKP_HALVES[half];
  if (!reports) throw new Error('score-iskp: the argument is look, held or all');
  const { accuracy, wrong } = scoreIskp(reports);
  if (half === 'look') console.log(wrong.join('\n'));
  console.log(`iskp ${half}: field_accuracy=${accuracy.toFixed(3)} n=${reports.length}`);
}

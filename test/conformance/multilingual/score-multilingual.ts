import { readFileSync } from 'node:fs';
import { extractDocument } from '../../../src/ingest/extract.js';

/** One gold incident of a multilingual dev set (see README.md in this folder). */
interface GoldEvent {
  incident: string;
  country: string;
  date: string | null;
  status: string;
  sub_event_type: string;
  fatalities: { min: number; max: number | null } | null;
  injuries: { min: number; max: number | null } | null;
  perpetrator: string | null;
}

export interface LanguageScore {
  language: string;
  n: number;
  languageId: number;
  incidentFound: number;
  fieldAccuracy: number;
  /** Per field, the share right. */
  fields: Record<string, number>;
  misses: string[];
}

const FIELDS = [
  'date',
  'status',
  'sub_event_type',
  'fatalities',
  'injuries',
  'perpetrator',
  'language',
];

function readLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

function sameCount(
  got: { min: number; max?: number } | null | undefined,
  want: GoldEvent['fatalities'],
): boolean {
  if (!want) return !got;
  return !!got && got.min === want.min && (got.max ?? null) === want.max;
}

/**
 * Scores `tearline extract` (in process) on one language's dev set: language identified, the
 * incident found in the right country, and each field of the main event against the gold.
 *
 * @example scoreLanguage(dir, 'ru').fieldAccuracy
 */
export function scoreLanguage(dir: string, language: string): LanguageScore {
  const inputs = readLines<{ id: string; text: string; published?: string }>(
    `${dir}/${language}.jsonl`,
  );
  const golds = new Map(
    readLines<{ id: string; language: string; events: GoldEvent[] }>(
      `${dir}/${language}.gold.jsonl`,
    ).map((g) => [g.id, g]),
  );
  let idRight = 0;
  let found = 0;
  const right: Record<string, number> = Object.fromEntries(FIELDS.map((f) => [f, 0]));
  const misses: string[] = [];
  for (const input of inputs) {
    const gold = golds.get(input.id)!;
    const want = gold.events[0]!;
    const out = extractDocument(input);
    const event = out.events[0];
    if (out.language === gold.language) idRight++;
    if (event && event.location?.country === want.country) found++;
    else misses.push(`${input.id}: incident (${event?.location?.country ?? 'none'})`);
    const got: Record<string, boolean> = {
      date: (event?.date ?? null) === want.date,
      status: event?.status === want.status,
      sub_event_type: event?.sub_event_type === want.sub_event_type,
      fatalities: !!event && sameCount(event.fatalities, want.fatalities),
      injuries: !!event && sameCount(event.injuries, want.injuries),
      perpetrator:
        !!event &&
        (event.actors.find((a) => a.role === 'perpetrator')?.name ?? null) === want.perpetrator,
      language: out.language === gold.language,
    };
    for (const f of FIELDS) {
      if (got[f]) right[f]!++;
      else misses.push(`${input.id}: ${f}`);
    }
  }
  const n = inputs.length;
  const fields = Object.fromEntries(FIELDS.map((f) => [f, right[f]! / n]));
  const fieldAccuracy = FIELDS.reduce((s, f) => s + right[f]!, 0) / (n * FIELDS.length);
  return {
    language,
    n,
    languageId: idRight / n,
    incidentFound: found / n,
    fieldAccuracy,
    fields,
    misses,
  };
}

import type { IncidentRecord } from '../src/core/ports/analysis.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../src/core/stix/conflict-event-extension.js';
import type { StixObject } from '../src/core/stix/stix-object.js';

export const ISKP = 'threat-actor--0a1b2c3d-0000-4000-8000-00000000000a';
export const TALIBAN = 'threat-actor--0a1b2c3d-0000-4000-8000-00000000000b';
export const ISLAMIC_STATE = 'threat-actor--0a1b2c3d-0000-4000-8000-00000000000c';

/** An incident id from a small number (tests only). */
export function incidentId(n: number): string {
  return `incident--0b000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export interface IncidentSpec {
  n: number;
  name?: string;
  date?: string;
  country?: string;
  place?: string;
  lat?: number;
  lon?: number;
  killed?: number;
  injured?: number;
  actors?: string[];
  grade?: { reliability: string; credibility: number };
  reportRef?: string;
  status?: 'occurred' | 'thwarted' | 'threatened';
  targets?: Array<{ id: string; name: string }>;
}

/** An accepted incident as review hands it to analysis (conflict-event extension filled in). */
export function incidentRecord(
  spec: IncidentSpec,
  modified = '2024-06-01T00:00:00.000Z',
): IncidentRecord {
  const incident: StixObject = {
    type: 'incident',
    spec_version: '2.1',
    id: incidentId(spec.n) as StixObject['id'],
    created: '2024-06-01T00:00:00.000Z',
    modified,
    name: spec.name ?? `Incident ${spec.n}`,
    extensions: {
      [CONFLICT_EVENT_EXTENSION_ID]: {
        extension_type: 'property-extension',
        event_type: 'Explosions/Remote violence',
        sub_event_type: 'Suicide bomb',
        status: spec.status ?? 'occurred',
        ...(spec.date ? { event_date: spec.date } : {}),
        ...(spec.killed !== undefined
          ? { fatalities: { min: spec.killed, max: spec.killed } }
          : {}),
        ...(spec.injured !== undefined
          ? { injuries: { min: spec.injured, max: spec.injured } }
          : {}),
      },
    },
    ...(spec.grade ? { x_tearline_grade: spec.grade } : {}),
    ...(spec.reportRef
      ? { x_tearline_evidence: [{ report_ref: spec.reportRef, start: 0, end: 10 }] }
      : {}),
  };
  return {
    incident,
    actorIds: spec.actors ?? [ISKP],
    place:
      spec.country || spec.place || spec.lat !== undefined
        ? { country: spec.country, name: spec.place, latitude: spec.lat, longitude: spec.lon }
        : undefined,
    targets: spec.targets,
  };
}

/**
 * A small ISIS-K history from public reporting: attacks in Afghanistan and Pakistan (its home
 * region), then Iran (Kerman, January 2024) and Russia (Crocus City Hall, 22 March 2024).
 */
export const ISKP_HISTORY: IncidentSpec[] = [
  {
    n: 1,
    name: 'Kabul airport bombing',
    date: '2021-08-26',
    country: 'AF',
    place: 'Kabul',
    lat: 34.56,
    lon: 69.21,
    killed: 170,
    injured: 200,
    grade: { reliability: 'A', credibility: 1 },
  },
  {
    n: 2,
    name: 'Kunduz mosque bombing',
    date: '2021-10-08',
    country: 'AF',
    place: 'Kunduz',
    lat: 36.73,
    lon: 68.86,
    killed: 50,
    injured: 100,
  },
  {
    n: 3,
    name: 'Kandahar mosque bombing',
    date: '2021-10-15',
    country: 'AF',
    place: 'Kandahar',
    lat: 31.61,
    lon: 65.71,
    killed: 47,
    injured: 70,
  },
  {
    n: 4,
    name: 'Peshawar mosque bombing',
    date: '2022-03-04',
    country: 'PK',
    place: 'Peshawar',
    lat: 34.01,
    lon: 71.58,
    killed: 63,
    injured: 190,
  },
  {
    n: 5,
    name: 'Russian embassy bombing',
    date: '2022-09-05',
    country: 'AF',
    place: 'Kabul',
    lat: 34.53,
    lon: 69.17,
    killed: 6,
    injured: 10,
  },
  {
    n: 6,
    name: 'Bajaur rally bombing',
    date: '2023-07-30',
    country: 'PK',
    place: 'Khar',
    lat: 34.73,
    lon: 71.52,
    killed: 63,
    injured: 200,
  },
  {
    n: 7,
    name: 'Kerman memorial bombings',
    date: '2024-01-03',
    country: 'IR',
    place: 'Kerman',
    lat: 30.28,
    lon: 57.08,
    killed: 95,
    injured: 280,
    grade: { reliability: 'B', credibility: 2 },
  },
  { n: 8, name: 'Attack on a report of unknown date', country: 'AF' },
];

/** The Crocus City Hall attack, 22 March 2024 (about 145 killed). */
export const CROCUS: IncidentSpec = {
  n: 9,
  name: 'Crocus City Hall attack',
  date: '2024-03-22',
  country: 'RU',
  place: 'Krasnogorsk',
  lat: 55.82,
  lon: 37.39,
  killed: 145,
  injured: 551,
  grade: { reliability: 'A', credibility: 1 },
  reportRef: 'report--0c000000-0000-4000-8000-000000000001',
  targets: [{ id: 'identity--0d000000-0000-4000-8000-000000000001', name: 'Concert audience' }],
};

/** The ISIS-K demo: actors, relationships, history, Crocus, the judgment before and after, a gap. */
export async function seedIskpDemo(analysis: {
  indexStixObjects(objects: StixObject[]): Promise<unknown>;
  setHomeCountries(actor: string, countries: string[]): Promise<void>;
  recordIncident(record: IncidentRecord): Promise<void>;
  createAssessment(
    input: Record<string, unknown> & {
      subjectRef: string;
      capability: string;
      intent: string;
      analyticConfidence: string;
      rationale: string;
      author: string;
    },
  ): Promise<{ id: string }>;
  saveCollectionGap(input: Record<string, unknown>): Promise<unknown>;
}): Promise<void> {
  await analysis.indexStixObjects([
    {
      type: 'threat-actor',
      spec_version: '2.1',
      id: ISKP as StixObject['id'],
      name: 'Islamic State Khorasan Province',
      aliases: ['ISIS-K', 'ISKP'],
      threat_actor_types: ['terrorist'],
    },
    {
      type: 'threat-actor',
      spec_version: '2.1',
      id: TALIBAN as StixObject['id'],
      name: 'Taliban',
      aliases: [],
      threat_actor_types: ['insurgent'],
    },
    {
      type: 'threat-actor',
      spec_version: '2.1',
      id: ISLAMIC_STATE as StixObject['id'],
      name: 'Islamic State',
      aliases: ['ISIS'],
      threat_actor_types: ['terrorist'],
    },
    {
      type: 'relationship',
      spec_version: '2.1',
      id: 'relationship--0e000000-0000-4000-8000-000000000001' as StixObject['id'],
      relationship_type: 'affiliated-with',
      source_ref: ISKP,
      target_ref: ISLAMIC_STATE,
      start_time: '2015-01-26T00:00:00.000Z',
    },
    {
      type: 'relationship',
      spec_version: '2.1',
      id: 'relationship--0e000000-0000-4000-8000-000000000002' as StixObject['id'],
      relationship_type: 'targets',
      source_ref: TALIBAN,
      target_ref: ISKP,
      start_time: '2015-06-01T00:00:00.000Z',
    },
  ]);
  await analysis.setHomeCountries('ISIS-K', ['AF', 'PK']);
  for (const spec of ISKP_HISTORY) await analysis.recordIncident(incidentRecord(spec));
  const before = await analysis.createAssessment({
    subjectRef: ISKP,
    capability: 'likely',
    intent: 'unlikely',
    analyticConfidence: 'moderate',
    rationale:
      'Capable of planning operations overseas, but no sign of the will to carry them out.',
    author: 'ana',
    targetDescription: 'outside Afghanistan and Pakistan',
    validFrom: '2023-01-15T00:00:00.000Z',
    evidenceRefs: [incidentId(1), incidentId(4)],
  });
  await analysis.recordIncident(incidentRecord(CROCUS));
  await analysis.createAssessment({
    subjectRef: ISKP,
    capability: 'very likely',
    intent: 'likely',
    analyticConfidence: 'moderate',
    rationale:
      'Kerman and Crocus City Hall show both the means and the will to strike far from home.',
    author: 'ben',
    targetDescription: 'outside Afghanistan and Pakistan',
    validFrom: '2024-03-25T00:00:00.000Z',
    evidenceRefs: [incidentId(1), incidentId(4), incidentId(7), incidentId(9)],
    supersedes: before.id,
  });
  await analysis.saveCollectionGap({
    countries: ['AF'],
    topic: 'ISIS-K leadership and external plotting',
    since: '2021-08',
    reason: 'Withdrawal of our presence in 2021',
    requirements: ['PIR-2 external operations'],
    actorIds: [ISKP],
  });
}

import { CONFLICT_EVENT_EXTENSION_ID } from '../../src/core/stix/conflict-event-extension.js';
import type { TestApp } from '../server-fixture.js';
import { TLP2_MARKING_IDS } from '../../src/sharing/tlp.js';

/** What the seed created, for the journeys to find. */
export interface Seeded {
  actorId: string;
  reportId: string;
  hostileReportId: string;
  incidentIds: string[];
  partnerId: string;
}

/** Text with every kind of markup a report might smuggle in: it must stay words on the page. */
export const HOSTILE_TEXT =
  'Claim posted <script>window.__tearlineXss = "script"</script> with ' +
  '<img src="x" onerror="window.__tearlineXss = \'img\'"> and ' +
  '<a href="javascript:window.__tearlineXss=\'link\'">a link</a> to the statement.';

const INCIDENTS = [
  {
    name: 'Kabul airport bombing',
    date: '2021-08-26',
    country: 'AF',
    place: 'Kabul',
    lat: 34.5658,
    lon: 69.2124,
    killed: 183,
  },
  {
    name: 'Kunduz mosque bombing',
    date: '2021-10-08',
    country: 'AF',
    place: 'Kunduz',
    lat: 36.728,
    lon: 68.868,
    killed: 55,
  },
  {
    name: 'Peshawar mosque bombing',
    date: '2022-03-04',
    country: 'PK',
    place: 'Peshawar',
    lat: 34.0151,
    lon: 71.5249,
    killed: 63,
  },
  {
    name: 'Bajaur rally bombing',
    date: '2023-07-30',
    country: 'PK',
    place: 'Khar',
    lat: 34.7335,
    lon: 71.5218,
    killed: 63,
  },
  {
    name: 'Kerman memorial bombings',
    date: '2024-01-03',
    country: 'IR',
    place: 'Kerman',
    lat: 30.2839,
    lon: 57.0834,
    killed: 95,
  },
  {
    name: 'Crocus City Hall attack',
    date: '2024-03-22',
    country: 'RU',
    place: 'Krasnogorsk',
    lat: 55.8256,
    lon: 37.3894,
    killed: 145,
  },
];

/**
 * Seeds a small knowledge base through the HTTP API (API tokens, real sockets): users ana
 * (analyst), bea (approver) and root (admin); ISIS-K with six incidents, their places and
 * attributions; a report; a report whose text carries markup; a partner with an agreement.
 *
 * @example const seeded = await seedThroughApi(server.t, server.url)
 */
export async function seedThroughApi(t: TestApp, url: string): Promise<Seeded> {
  await t.addUser('ana', 'analyst');
  await t.addUser('bea', 'approver');
  await t.addUser('root', 'admin');
  const tokens = {
    ana: await t.mintToken('ana'),
    bea: await t.mintToken('bea'),
    root: await t.mintToken('root'),
  };
  const call = async (who: keyof typeof tokens, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as Record<string, unknown>;
  };
  const put = async (object: Record<string, unknown>) =>
    (
      (await call('ana', 'POST', '/api/objects', { spec_version: '2.1', ...object })).object as {
        id: string;
      }
    ).id;

  const actorId = await put({
    type: 'threat-actor',
    name: 'Islamic State Khorasan Province',
    aliases: ['ISIS-K', 'ISKP'],
    threat_actor_types: ['terrorist'],
    object_marking_refs: [TLP2_MARKING_IDS.green],
    description: 'The Islamic State branch in Afghanistan and Pakistan, active since 2015.',
  });
  const parentId = await put({
    type: 'threat-actor',
    name: 'Islamic State',
    aliases: ['ISIS'],
    threat_actor_types: ['terrorist'],
  });
  await put({
    type: 'relationship',
    relationship_type: 'affiliated-with',
    source_ref: actorId,
    target_ref: parentId,
  });
  const reportId = await put({
    type: 'report',
    name: 'Gunmen attack a concert hall near Moscow',
    published: '2024-03-22T20:00:00.000Z',
    report_types: ['threat-report'],
    description:
      'Gunmen opened fire at Crocus City Hall in Krasnogorsk before a concert; the group claimed it.',
    object_refs: [actorId],
  });
  const hostileReportId = await put({
    type: 'report',
    name: 'Statement with markup',
    published: '2024-03-23T08:00:00.000Z',
    report_types: ['threat-report'],
    description: HOSTILE_TEXT,
    object_refs: [actorId],
  });
  const incidentIds: string[] = [];
  for (const s of INCIDENTS) {
    const locationId = await put({
      type: 'location',
      name: s.place,
      country: s.country,
      latitude: s.lat,
      longitude: s.lon,
    });
    const incidentId = await put({
      type: 'incident',
      name: s.name,
      first_seen: `${s.date}T00:00:00.000Z`,
      x_tearline_grade: { reliability: 'B', credibility: 2 },
      object_marking_refs: [TLP2_MARKING_IDS.green],
      extensions: {
        [CONFLICT_EVENT_EXTENSION_ID]: {
          extension_type: 'property-extension',
          event_type: 'Explosions/Remote violence',
          sub_event_type: 'Suicide bomb',
          status: 'occurred',
          event_date: s.date,
          country: s.country,
          location_name: s.place,
          latitude: s.lat,
          longitude: s.lon,
          fatalities: { min: s.killed, max: s.killed },
        },
      },
    });
    incidentIds.push(incidentId);
    await put({
      type: 'relationship',
      relationship_type: 'attributed-to',
      source_ref: incidentId,
      target_ref: actorId,
    });
    await put({
      type: 'relationship',
      relationship_type: 'located-at',
      source_ref: incidentId,
      target_ref: locationId,
    });
  }
  await call('root', 'POST', '/api/analysis/reindex');
  await call('ana', 'POST', '/api/collection-gaps', {
    countries: ['AF'],
    topic: 'ISIS-K leadership and external plotting',
    since: '2021-08',
    reason: 'No presence in Afghanistan since the evacuation; partner reporting only.',
    actorIds: [actorId],
  });
  const partner = await call('ana', 'POST', '/api/partners', {
    name: 'Allied Service',
    trustTier: 'trusted',
  });
  await call('bea', 'POST', '/api/agreements', {
    partnerId: partner.id,
    title: 'ISIS-K external operations',
    tlp: 'green',
    iep: { permittedActions: 'contact-for-instruction' },
    reason: 'signed',
  });
  return { actorId, reportId, hostileReportId, incidentIds, partnerId: partner.id as string };
}

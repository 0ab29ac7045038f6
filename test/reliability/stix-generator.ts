import { CONFLICT_EVENT_EXTENSION_ID } from '../../src/core/stix/conflict-event-extension.js';

/**
 * A valid STIX 2.1 bundle of `total` objects: threat actors, incidents with the conflict-event
 * extension, and `attributed-to` relationships between them. Ids are deterministic per `seed`,
 * so two bundles with different seeds share no id.
 *
 * @example const text = createBundleText(100_000, 1)
 */
export function createBundleText(total: number, seed: number): string {
  const id = (n: number) =>
    `${seed.toString(16).padStart(8, '0')}-4b1c-4d2e-8f3a-${n.toString(16).padStart(12, '0')}`;
  const t = (i: number) => new Date(Date.UTC(2021, 0, 1) + i * 60_000).toISOString();
  const parts: string[] = [];
  const actors = Math.max(1, Math.floor(total / 100));
  let n = 0;
  for (let i = 0; i < actors && n < total; i++, n++) {
    parts.push(
      JSON.stringify({
        type: 'threat-actor',
        spec_version: '2.1',
        id: `threat-actor--${id(n)}`,
        created: t(i),
        modified: t(i),
        name: `Reliability group ${seed}-${i}`,
        aliases: [`RG-${seed}-${i}`],
        threat_actor_types: ['terrorist'],
      }),
    );
  }
  for (let i = 0; n < total; i++) {
    const incident = `incident--${id(n)}`;
    parts.push(
      JSON.stringify({
        type: 'incident',
        spec_version: '2.1',
        id: incident,
        created: t(i),
        modified: t(i),
        name: `Attack ${i}`,
        extensions: {
          [CONFLICT_EVENT_EXTENSION_ID]: {
            extension_type: 'property-extension',
            event_type: 'Battles',
            sub_event_type: 'Armed clash',
            status: 'occurred',
            event_date: t(i).slice(0, 10),
          },
        },
      }),
    );
    n++;
    if (n >= total) break;
    parts.push(
      JSON.stringify({
        type: 'relationship',
        spec_version: '2.1',
        id: `relationship--${id(n)}`,
        created: t(i),
        modified: t(i),
        relationship_type: 'attributed-to',
        source_ref: incident,
        target_ref: `threat-actor--${id(i % actors)}`,
      }),
    );
    n++;
  }
  return `{"type":"bundle","id":"bundle--${id(0xffffff)}","objects":[\n${parts.join(',\n')}\n]}\n`;
}

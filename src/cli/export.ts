import { toCountWords } from '../core/count-words.js';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { randomIds } from '../core/clock.js';
import { TearlineError } from '../core/errors.js';
import { CONFLICT_EVENT_DEFINITION } from '../core/stix/conflict-event-definition.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../core/stix/conflict-event-extension.js';
import { createStixId } from '../core/stix/stix-id.js';
import type { StixObject } from '../core/stix/stix-object.js';
import { isStixTimestamp } from '../core/stix/stix-timestamp.js';
import {
  findTlp1Level,
  findTlp2Level,
  toTlp1MarkingDefinition,
  toTlp2MarkingDefinition,
} from '../core/vocab/tlp.js';
import { isRestrictedObject } from '../core/audit-restricted.js';
import { loadProtectedMatchers, recordCliAudit } from './cli-audit.js';
import { openStore } from '../store/create-store.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand } from './cli-io.js';
import { resolveDatabaseUrl } from './database-url.js';

const help = `Usage: tearline export [--type T] [--since ISO] [--out F] [--database URL]

Writes a STIX 2.1 bundle with every stored version of the selected objects, followed by the
marking definitions they reference (the TLP 2.0 and TLP 1.0 definitions are included even when
not stored) and the extension definitions Tearline defines that they use.

Options:
  --type T        only objects of this type (repeat, or separate types with commas)
  --since ISO     only versions modified at or after this UTC timestamp (2024-03-22T00:00:00Z)
  --out F         write to this file instead of standard output
  --database URL  sqlite:<path> or postgres://… (default: TEARLINE_DATABASE_URL)

Example:
  tearline export --type incident,threat-actor --since 2024-01-01T00:00:00Z --out kb.json
`;

function markingRefsOf(object: StixObject, out: Set<string>): void {
  for (const id of object.object_marking_refs ?? []) out.add(id);
  for (const g of object.granular_markings ?? []) if (g.marking_ref) out.add(g.marking_ref);
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export const command: CliCommand = {
  help,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      'export',
      argv,
      {
        type: { type: 'string', multiple: true },
        since: { type: 'string' },
        out: { type: 'string' },
        database: { type: 'string' },
      },
      false,
    );
    const types = (values.type ?? [])
      .flatMap((t) => t.split(','))
      .map((t) => t.trim())
      .filter(Boolean);
    for (const t of types) {
      if (!/^[a-z][a-z0-9-]{1,249}$/.test(t))
        throw new TearlineError(
          'TEARLINE_E_CLI_USAGE',
          `--type "${t}" is not a STIX type name (incident, threat-actor, …).`,
        );
    }
    if (values.since !== undefined && !isStixTimestamp(values.since)) {
      throw new TearlineError(
        'TEARLINE_E_CLI_USAGE',
        `--since must be a UTC timestamp such as 2024-03-22T00:00:00Z, not "${values.since}".`,
      );
    }
    const store = await openStore(resolveDatabaseUrl(io, values.database));
    const out: Writable = values.out ? createWriteStream(resolve(io.cwd, values.out)) : io.stdout;
    try {
      const emitted = new Set<string>();
      const markings = new Set<string>();
      let usesConflictEvent = false;
      let count = 0;
      const emit = async (object: StixObject) => {
        await write(
          out,
          `${count === 0 ? ',\n  "objects": [\n    ' : ',\n    '}${JSON.stringify(object)}`,
        );
        count++;
      };
      // An empty bundle leaves `objects` out: the schema wants at least one item when present.
      const bundleId = createStixId('bundle', randomIds);
      // The audit record names the bundle and every TLP:AMBER+STRICT, TLP:RED or protected object in it.
      const restricted = new Set<string>();
      const matchers = await loadProtectedMatchers(store);
      await write(out, `{\n  "type": "bundle",\n  "id": "${bundleId}"`);
      for await (const object of store.objects.streamAllVersions({
        types,
        modifiedSince: values.since,
      })) {
        if (object.type === 'marking-definition' || object.type === 'extension-definition')
          emitted.add(object.id);
        markingRefsOf(object, markings);
        if (isRestrictedObject(object, matchers)) restricted.add(object.id);
        if (object.extensions?.[CONFLICT_EVENT_EXTENSION_ID]) usesConflictEvent = true;
        await emit(object);
      }
      // Referenced marking definitions travel with the bundle: consumers have no copy of TLP 2.0.
      for (const id of [...markings].sort()) {
        if (emitted.has(id)) continue;
        const stored = await store.objects.getLatest(id);
        const tlp2 = findTlp2Level(id);
        const tlp1 = findTlp1Level(id);
        const definition =
          stored ??
          (tlp2 ? toTlp2MarkingDefinition(tlp2) : tlp1 ? toTlp1MarkingDefinition(tlp1) : undefined);
        if (definition) {
          emitted.add(id);
          await emit(definition);
        }
      }
      if (usesConflictEvent && !emitted.has(CONFLICT_EVENT_EXTENSION_ID)) {
        await emit(
          (await store.objects.getLatest(CONFLICT_EVENT_EXTENSION_ID)) ?? CONFLICT_EVENT_DEFINITION,
        );
      }
      await write(out, count === 0 ? '\n}\n' : '\n  ]\n}\n');
      await recordCliAudit(store, io, 'object.export', [bundleId, ...restricted]);
      if (values.out) {
        out.end();
        await once(out, 'finish');
        io.stderr.write(`Exported ${toCountWords(count, 'object')} to ${values.out}.\n`);
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};

import { toTimestampKey } from '../../core/stix/timestamp-key.js';

/** One stored version of an object in a collection. */
export interface StoredVersion {
  version: string;
  spec_version: string;
}

/**
 * The versions a TAXII DELETE removes (TAXII 2.1 §5.8): `match[spec_version]` narrows the
 * candidates, then each `match[version]` token (`all`, `first`, `last` or a timestamp) adds its
 * versions; no token means `all`. `versions` must be in version order.
 *
 * @example versionsToDelete(rows, { versions: ['last'] }) // Set { '2024-…Z' }
 */
export function versionsToDelete(
  versions: StoredVersion[],
  filter: { versions?: readonly string[]; specVersions?: readonly string[] },
): Set<string> {
  const specs = filter.specVersions?.length ? filter.specVersions : undefined;
  const candidates = versions.filter((r) => !specs || specs.includes(r.spec_version));
  const tokens = filter.versions?.length ? filter.versions : ['all'];
  const chosen = new Set<string>();
  for (const token of tokens) {
    if (token === 'all') candidates.forEach((r) => chosen.add(r.version));
    else if (token === 'first' && candidates[0]) chosen.add(candidates[0].version);
    else if (token === 'last' && candidates.length > 0)
      chosen.add(candidates[candidates.length - 1]!.version);
    else {
      const key = toTimestampKey(token);
      if (key && candidates.some((r) => r.version === key)) chosen.add(key);
    }
  }
  return chosen;
}

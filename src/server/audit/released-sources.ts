import type { ReleaseRepository } from '../../core/ports/sharing.js';

/**
 * The source objects behind released copies a partner read: a released copy has its own id
 * (the release's id map), and "who read this object" is asked of the source.
 *
 * @example await findReleasedSources(store.sharing.releases, partnerId, ['incident--…'])
 */
export async function findReleasedSources(
  releases: Pick<ReleaseRepository, 'listReleases'>,
  partnerId: string,
  releasedIds: readonly string[],
): Promise<string[]> {
  const wanted = new Set(releasedIds);
  const sources: string[] = [];
  for (const release of await releases.listReleases({ partnerId })) {
    for (const [source, released] of Object.entries(release.idMap)) {
      if (wanted.has(released)) sources.push(source);
    }
  }
  return sources;
}

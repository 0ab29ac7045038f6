import type { Clock, IdSource } from '../core/clock.js';
import type { CollectionRepository } from '../core/ports/collection-repository.js';
import type { ObjectRepository } from '../core/ports/object-repository.js';
import type { SharingRepositories } from '../core/ports/sharing.js';
import type { ProseRecognisers } from '../core/ports/prose-recognisers.js';

/** What the sharing services work with: ports only, so they run over any store or a test fake. */
export interface SharingDeps {
  sharing: SharingRepositories;
  objects: Pick<ObjectRepository, 'findLatest' | 'countLatest' | 'findLatestStamps'> &
    // Without it (a test fake), a release offers no related objects.
    Partial<Pick<ObjectRepository, 'relationshipsOf'>>;
  collections: Pick<CollectionRepository, 'createCollection' | 'listCollections' | 'addObjects'>;
  clock: Clock;
  ids: IdSource;
  /** The name our organisation identity gets when it is first created. */
  organizationName?: string;
  /** The extractor's recognisers, wired by the composition root; free text is read with them. */
  recognisers?: ProseRecognisers;
}

/** Who acts: a username and its roles (checked again here, whatever the caller checked). */
export interface Actor {
  username: string;
  roles: readonly string[];
}

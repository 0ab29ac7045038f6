import type { StixId } from './stix-id.js';

/** A granular marking (STIX 2.1 §7.2.3). */
export interface GranularMarking {
  marking_ref?: string;
  lang?: string;
  selectors: string[];
}

/** An external reference (STIX 2.1 §2.5). */
export interface ExternalReference {
  source_name: string;
  description?: string;
  url?: string;
  hashes?: Record<string, string>;
  external_id?: string;
}

/**
 * Any STIX 2.1 object as it travels: the common properties typed, the rest open. SDOs, SROs and
 * meta objects carry `created`/`modified`; SCOs may not.
 */
export interface StixObject {
  type: string;
  id: StixId;
  spec_version?: string;
  created?: string;
  modified?: string;
  created_by_ref?: string;
  revoked?: boolean;
  labels?: string[];
  confidence?: number;
  lang?: string;
  external_references?: ExternalReference[];
  object_marking_refs?: string[];
  granular_markings?: GranularMarking[];
  extensions?: Record<string, Record<string, unknown>>;
  [property: string]: unknown;
}

/** A STIX 2.1 bundle (§8). */
export interface StixBundle {
  type: 'bundle';
  id: StixId<'bundle'>;
  objects: StixObject[];
}

/** A STIX object that is versioned (SDO, SRO, meta object): it has `created` and `modified`. */
export type VersionedStixObject = StixObject & { created: string; modified: string };

/** The version key of an object: its `modified` timestamp, or `created`, or '' for SCOs. */
export function versionOf(object: StixObject): string {
  return object.modified ?? object.created ?? '';
}

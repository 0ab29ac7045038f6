import { TearlineError } from '../../../core/errors.js';
import { isStixId } from '../../../core/stix/stix-id.js';

/**
 * The id of a path, or 400 unless it is a well-formed STIX id (STIX 2.1 §2.9).
 *
 * @example parseObjectId(request.params.id)
 */
export function parseObjectId(id: string): string {
  if (!isStixId(id)) {
    throw new TearlineError(
      'TEARLINE_E_OBJECT_BAD_ID',
      `"${id.slice(0, 100)}" is not a STIX id (type--uuid); check the URL.`,
    );
  }
  return id;
}

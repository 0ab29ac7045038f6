/**
 * Serialises one `tearline extract` output line as the contract writes it: an open count range
 * ("at least 21") carries `"max": null`, where the in-memory `CountRange` leaves `max` out.
 *
 * @example toContractJson({ fatalities: { min: 21 } }) // '{"fatalities":{"min":21,"max":null}}'
 */
export function toContractJson(value: unknown): string {
  return JSON.stringify(value, openRangeReplacer);
}

function openRangeReplacer(_key: string, value: unknown): unknown {
  if (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { min?: unknown }).min === 'number' &&
    (value as { max?: unknown }).max === undefined
  ) {
    return { ...value, max: null };
  }
  return value;
}

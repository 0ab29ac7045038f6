// English country names from the runtime's own CLDR data (Node ships full ICU), so that sharing
// does not need the ingest gazetteer to say "Russia" for "RU".
const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/**
 * The English name of an ISO 3166-1 alpha-2 code, or undefined when it is not one.
 *
 * @example countryName('AF') // 'Afghanistan'
 */
export function countryName(code: string): string | undefined {
  if (!/^[A-Za-z]{2}$/.test(code)) return undefined;
  try {
    return names.of(code.toUpperCase());
  } catch {
    return undefined;
  }
}

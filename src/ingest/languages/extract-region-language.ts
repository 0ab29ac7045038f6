import type { ExtractInput, ExtractOutput } from '../extract-types.js';
import { identifyLanguage, REGION_LANGUAGES, type RegionLanguage } from './identify-language.js';
import { readRegionReport } from './read-region-report.js';

/**
 * The pipeline's one entry into this area: the report's language and, for Russian, Persian,
 * Pashto, Arabic and Urdu, its extraction. English ('en') and undetermined text return no
 * output, for the English rules; any other language returns empty lists.
 *
 * @example extractRegionLanguage({ id: 'r', text: 'Теракт в Москве…' }).language // 'ru'
 */
export function extractRegionLanguage(input: ExtractInput): {
  language: string;
  output?: ExtractOutput;
} {
  const { language } = identifyLanguage(input.text);
  if (language === 'en' || language === 'und') return { language };
  if (!(REGION_LANGUAGES as readonly string[]).includes(language))
    return { language, output: { id: input.id, entities: [], events: [], attributions: [] } };
  return { language, output: readRegionReport(input, language as RegionLanguage) };
}

/** Whether the region's rules read this language (so a draft in it gets items). */
export function isRegionLanguage(language: string): language is RegionLanguage {
  return (REGION_LANGUAGES as readonly string[]).includes(language);
}

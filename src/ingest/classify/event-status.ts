import type { EventStatus } from '../../core/stix/conflict-event-extension.js';
import { THWARTED_WORDS } from '../text/status-words.js';

// The thwarted words live in one place, shared with the incident segmenter.
const THWARTED = THWARTED_WORDS;
const THREATENED =
  /\b(?:threat(?:en|ened|ens|ening)|vow(?:ed|s)? to|pledg(?:ed|es)? to (?:attack|strike|kill|avenge)|promis(?:ed|es) to (?:attack|strike|avenge)|warn(?:ed|s)? (?:of|that) (?:\w+ ){0,4}(?:attack|strike|retaliat)|ultimatum)/;
const CASUALTIES = /\b(?:killed|dead|died|wounded|injured|killing|wounding|injuring)\b/;
// Words that show something happened; a threat made alongside them does not make the event
// a mere threat.
const HAPPENED =
  /\b(?:killed|wounded|injured|died|exploded|went off|clashed|shelled|struck|stormed|abducted|kidnapped|seized|captured|burned|looted|arrested|detained)\b/;

/**
 * Whether a passage reports an event that happened, one that was stopped, or one only
 * threatened.
 *
 * @example toEventStatus('Police foiled a plot to bomb a concert') // 'thwarted'
 */
export function toEventStatus(text: string): EventStatus {
  const lower = text.toLowerCase();
  const thwarted = THWARTED.exec(lower);
  // "…an attack that left dozens dead, and other plots were thwarted": the passage reports first
  // what happened; a foiled plot told after casualties is a second event.
  const casualties = CASUALTIES.exec(lower);
  if (thwarted && (!casualties || thwarted.index < casualties.index)) return 'thwarted';
  if (THREATENED.test(lower) && !HAPPENED.test(lower)) return 'threatened';
  return 'occurred';
}

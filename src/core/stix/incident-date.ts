// One rule for an incident's date, read by the analysis index (actor page, brief, trends, alerts)
// and by the web pages that read the STIX record (dashboard, incident page): a figure computed
// twice drifted apart before (issue 16).
const EVENT_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * An incident's date from its conflict-event `event_date`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or
 * undefined when unknown. Never the day the report was loaded, never `first_seen` guessed in.
 *
 * @example toEventDate('2024-03-22') // '2024-03-22'
 */
export function toEventDate(eventDate: unknown): string | undefined {
  return typeof eventDate === 'string' && EVENT_DATE.test(eventDate) ? eventDate : undefined;
}

/**
 * The month an incident counts in for tempo and trends, or undefined (unknown date, or a year
 * only): such an incident is left out of the monthly figures and listed as a date to fill.
 *
 * @example toEventMonth('2024') // undefined
 */
export function toEventMonth(eventDate: unknown): string | undefined {
  const date = toEventDate(eventDate);
  return date !== undefined && date.length >= 7 ? date.slice(0, 7) : undefined;
}

/** English month names, January first: the words reports date events with. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A month's short name ("Mar") from its number, 1 for January; the number itself when out of range.
 *
 * @example shortMonthName(3) // 'Mar'
 */
export function shortMonthName(month: number): string {
  return MONTH_NAMES[month - 1]?.slice(0, 3) ?? String(month);
}

// Capitalised words that name nobody: the one list the prose finders (prose-finders.ts) and the
// residual scan (residual-scan.ts) both read, so that what the transforms leave alone the scan
// does not flag, and the other way round. Common English words in general come from the
// recognisers' dictionary (ProseRecognisers.isCommonWord); these are the capitalised ones it
// cannot tell apart from names: function words opening a sentence, calendar words, and the
// adjectives of peoples, languages and faiths.

import { MONTH_NAMES } from '../core/vocab/calendar.js';

const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

const FUNCTION_WORDS = `The A An This That These Those He She They It We I You His Her Their Its Our
  In On At Of And But Or Nor For From With Without By To Into Onto Upon After Before During When
  While Who Whom Whose Which What Where Why How No Not Some Any One Two Three Four Five Six Seven
  Eight Nine Ten Several Many Most All Both Each Every Other Another There Here As If Since Until
  About Around Near Over Under Between Among Against Across Along Behind Beyond Despite Later Earlier
  Meanwhile However Also Then Yet Such Only Even Still Once Again Hours Days Weeks`;

// Institutions' heads are capitalised inside names of bodies ("Interior Ministry"), never names.
const INSTITUTION_WORDS = `Police Army Province District Ministry Government Council Security Forces
  Islamic State National Committee Agency Service Services Directorate Command Office Court Front
  Movement Party Army Brigade Division Battalion Regiment Guard Guards Mission Network Observatory
  Republic Kingdom Federation Union Coalition Alliance Authority Administration Department`;

/** Adjectives and names of peoples, languages and faiths, which name no person or place. */
const PEOPLES_AND_FAITHS = `Afghan Pakistani Iranian Iraqi Syrian Turkish Kurdish Yazidi Arab Arabic
  Persian Dari Pashto Pashtun Pakhtun Hazara Tajik Uzbek Turkmen Kyrgyz Kazakh Baloch Baluch Punjabi
  Sindhi Russian Chechen Ingush Dagestani Avar Lezgin Kumyk Ossetian Circassian Kabardian Balkar
  Karachay Tatar Bashkir Ukrainian Belarusian Georgian Armenian Azerbaijani Azeri Yemeni Saudi
  Emirati Omani Qatari Israeli Palestinian Lebanese Jordanian Egyptian Libyan Tunisian Algerian
  Moroccan Sudanese Malian Nigerien Nigerian Burkinabe Chadian Mauritanian Senegalese Somali
  Ethiopian Eritrean Kenyan Ugandan Congolese Rwandan Mozambican Tanzanian Cameroonian Fulani Peul
  Tuareg Hausa Kanuri Bambara Dogon Songhai Indian Bangladeshi Chinese American British French
  German European Western Eastern Northern Southern Central Islamist Jihadist Muslim Muslims
  Islam Shia Shiite Shiites Sunni Sunnis Alawite Alawites Druze Christian Christians Catholic
  Catholics Orthodox Protestant Evangelical Jewish Jews Jew Hindu Hindus Sikh Sikhs Ismaili
  Ahmadi Sufi Salafi Wahhabi Deobandi Coptic Copt Copts Assyrian Chaldean English`;

const words = (list: string) => list.split(/\s+/).filter((w) => w !== '');

/**
 * Capitalised words that are never a person's name (nor a place's): function words, months and
 * weekdays, institutions' heads, peoples, languages and faiths. Compared as written.
 *
 * @example CAPITALISED_NON_NAMES.has('Tuesday') // true
 */
export const CAPITALISED_NON_NAMES: ReadonlySet<string> = new Set([
  // Months in full only: "Jan" and "Mar" are also given names and titles.
  ...MONTH_NAMES,
  ...WEEKDAY_NAMES,
  ...words(FUNCTION_WORDS),
  ...words(INSTITUTION_WORDS),
  ...words(PEOPLES_AND_FAITHS),
]);

/** Whether a word names a people, a language or a faith ("Chechen", "Shia", "Kyrgyz-Tajik"). */
export function isPeopleOrFaith(word: string): boolean {
  return word.split('-').every((part) => PEOPLES.has(part) || PEOPLES.has(part.replace(/s$/, '')));
}

const PEOPLES: ReadonlySet<string> = new Set(words(PEOPLES_AND_FAITHS));

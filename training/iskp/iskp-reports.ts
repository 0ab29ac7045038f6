/**
 * Twenty short reports about the Islamic State Khorasan Province, written by us from public
 * facts (dates, places and tolls as widely reported), in our own words and in several registers,
 * with the fields we expect: an in-domain test set of our own (issue 14), never training data.
 * `place` is a word the extracted place name must contain; `perpetrator` the canonical name.
 */
export interface IskpReport {
  id: string;
  published: string;
  text: string;
  gold: {
    sub_event_type: string;
    status: 'occurred' | 'thwarted' | 'threatened';
    date: string | null;
    place: string | null;
    perpetrator: string | null;
    fatalitiesMin: number | null;
  };
}

const ISKP = 'Islamic State Khorasan Province';

export const ISKP_REPORTS: readonly IskpReport[] = [
  {
    id: 'iskp-01',
    published: '2021-08-27',
    text: 'KABUL, Aug 27 — A suicide bomber struck crowds at an airport gate in Kabul on Thursday, killing at least 170 Afghans and 13 American troops. ISIS-K said it carried out the bombing.',
    gold: {
      sub_event_type: 'Suicide bomb',
      status: 'occurred',
      date: '2021-08-26',
      place: 'Kabul',
      perpetrator: ISKP,
      fatalitiesMin: 183,
    },
  },
  {
    id: 'iskp-02',
    published: '2021-10-09',
    text: 'A suicide attacker detonated explosives inside a Shia mosque in Kunduz during Friday prayers, killing at least 46 worshippers, local officials said. The Islamic State Khorasan Province claimed responsibility.',
    gold: {
      sub_event_type: 'Suicide bomb',
      status: 'occurred',
      date: '2021-10-08',
      place: 'Kunduz',
      perpetrator: ISKP,
      fatalitiesMin: 46,
    },
  },
  {
    id: 'iskp-03',
    published: '2021-10-16',
    text: "ISLAMABAD, Oct 16 — Two suicide bombers attacked a Shia mosque in Kandahar on Friday, killing at least 47 people. The Islamic State's Khorasan branch claimed the attack.",
    gold: {
      sub_event_type: 'Suicide bomb',
      status: 'occurred',
      date: '2021-10-15',
      place: 'Kandahar',
      perpetrator: ISKP,
      fatalitiesMin: 47,
    },
  },
  {
    id: 'iskp-04',
    published: '2021-11-03',
    text: 'Gunmen stormed the main military hospital in Kabul on Tuesday after two explosions at its gate, killing at least 19 people. ISKP claimed the assault.',
    gold: {
      sub_event_type: 'Remote explosive/landmine/IED',
      status: 'occurred',
      date: '2021-11-02',
      place: 'Kabul',
      perpetrator: ISKP,
      fatalitiesMin: 19,
    },
  },
  {
    id: 'iskp-05',
    published: '2022-03-05',
    text: 'PESHAWAR, March 5 — A suicide bomber blew himself up in a Shia mosque in Peshawar during Friday prayers, killing 63 people, police said. Islamic State Khorasan claimed the bombing.',
    gold: {
      sub_event_type: 'Suicide bomb',
      status: 'occurred',
      date: '2022-03-04',
      place: 'Peshawar',
      perpetrator: ISKP,
      fatalitiesMin: 63,
    },
  },
  {
    id: 'iskp-06',
    published: '2022-04-22',
    text: 'A bomb ripped through a Shia mosque in Mazar-i-Sharif on Thursday, killing at least 31 worshippers. IS-K said it planted the device.',
    gold: {
      sub_event_type: 'Remote explosive/landmine/IED',
      status: 'occurred',
      date: '2022-04-21',
      place: 'Mazar',
      perpetrator: ISKP,
      fatalitiesMin: 31,
    },
  },
  {
    id: 'iskp-07',
    published: '2022-09-06',
    text: 'Two Russian embassy staff were among six people killed on Monday when a suicide bomber blew himself up outside the embassy in Kabul. The Islamic State Khorasan Province claimed responsibility.',
    gold: {
      sub_event_type: 'Suicide bomb',
      status: 'occurred',
      date: '2022-09-05',
      place: 'Kabul',
      perpetrator: ISKP,
      fatalitiesMin: 6,
    },
  },
  {
    id: 'iskp-08',
    published: '2023-01-12',
    text: 'At least 20 people were killed on Wednesday when a suicide bomber struck outside the foreign ministry in Kabul, according to the Islamic State, whose Khorasan branch claimed the attack.',
    gold: {
      sub_event_type: 'Suicide bomb',
      status: 'occurred',
      date: '2023-01-11',
      place: 'Kabul',
      perpetrator: ISKP,
      fatalitiesMin: 20,
    },
  },
  {
    id: 'iskp-09',
    published: '2023-03-09',
    text: "The Taliban's governor of Balkh province was killed in a suicide bombing at his office in Mazar-i-Sharif on Thursday. ISIS-K claimed the killing.",
    gold: {
      sub_event_type: 'Suicide bomb',
      status: 'occurred',
      date: '2023-03-09',
      place: 'Mazar',
      perpetrator: ISKP,
      fatalitiesMin: 1,
    },
  },
  {
    id: 'iskp-10',
    published: '2023-07-31',
    text: 'A suicide bomber attacked a political rally in Khar, in the Bajaur district of Pakistan, on Sunday, killing at least 54 people. The Islamic State Khorasan Province claimed the attack.',
    gold: {
      sub_event_type: 'Suicide bomb',
      status: 'occurred',
      date: '2023-07-30',
      place: 'Khar',
      perpetrator: ISKP,
      fatalitiesMin: 54,
    },
  },
  {
    id: 'iskp-11',
    published: '2024-01-05',
    text: "Two suicide bombers killed at least 95 people on Wednesday at a memorial ceremony in Kerman, Iran. U.S. officials said the group's Khorasan branch carried out the attack.",
    gold: {
      sub_event_type: 'Suicide bomb',
      status: 'occurred',
      date: '2024-01-03',
      place: 'Kerman',
      perpetrator: ISKP,
      fatalitiesMin: 95,
    },
  },
  {
    id: 'iskp-12',
    published: '2024-01-29',
    text: 'Two masked gunmen opened fire during Sunday mass at a Catholic church in Istanbul, killing one man. Turkish police later detained suspects linked to ISIS-K.',
    gold: {
      sub_event_type: 'Attack',
      status: 'occurred',
      date: '2024-01-28',
      place: 'Istanbul',
      perpetrator: ISKP,
      fatalitiesMin: 1,
    },
  },
  {
    id: 'iskp-13',
    published: '2024-03-23',
    text: 'Gunmen attacked concertgoers at Crocus City Hall near Moscow on Friday and set the hall on fire, killing at least 133 people. ISIS-K claimed the massacre.',
    gold: {
      sub_event_type: 'Attack',
      status: 'occurred',
      date: '2024-03-22',
      place: 'Crocus',
      perpetrator: ISKP,
      fatalitiesMin: 133,
    },
  },
  {
    id: 'iskp-14',
    published: '2024-03-21',
    text: 'A suicide bomber struck a bank in Kandahar on Thursday as employees queued for their salaries, killing 21 people. The Islamic State Khorasan Province said it was behind the bombing.',
    gold: {
      sub_event_type: 'Suicide bomb',
      status: 'occurred',
      date: '2024-03-21',
      place: 'Kandahar',
      perpetrator: ISKP,
      fatalitiesMin: 21,
    },
  },
  {
    id: 'iskp-15',
    published: '2024-05-18',
    text: 'Gunmen opened fire on a group of foreign tourists in Bamiyan on Friday, killing six people, including three Spaniards. ISKP claimed the attack.',
    gold: {
      sub_event_type: 'Attack',
      status: 'occurred',
      date: '2024-05-17',
      place: 'Bamiyan',
      perpetrator: ISKP,
      fatalitiesMin: 6,
    },
  },
  {
    id: 'iskp-16',
    published: '2024-02-08',
    text: 'Two bombs exploded outside election offices in Pishin and Qila Saifullah on Wednesday, killing at least 28 people. ISIS-K claimed both blasts.',
    gold: {
      sub_event_type: 'Remote explosive/landmine/IED',
      status: 'occurred',
      date: '2024-02-07',
      place: 'Pishin',
      perpetrator: ISKP,
      fatalitiesMin: 28,
    },
  },
  {
    id: 'iskp-17',
    published: '2024-03-07',
    text: "Russia's Federal Security Service said on Thursday it had thwarted an attack on a synagogue in Moscow planned by an ISIS-K cell; members of the cell were killed in a shoot-out in the Kaluga region.",
    gold: {
      sub_event_type: 'Disrupted weapons use',
      status: 'thwarted',
      date: '2024-03-07',
      place: null,
      perpetrator: ISKP,
      fatalitiesMin: null,
    },
  },
  {
    id: 'iskp-18',
    published: '2023-07-06',
    text: 'Police in Germany and the Netherlands arrested seven Central Asian men suspected of forming an ISIS-K cell and planning attacks in Germany, prosecutors said on Thursday.',
    gold: {
      sub_event_type: 'Arrests',
      status: 'thwarted',
      date: '2023-07-06',
      place: 'Germany',
      perpetrator: ISKP,
      fatalitiesMin: null,
    },
  },
  {
    id: 'iskp-19',
    published: '2023-12-25',
    text: 'German police detained a Tajik man suspected of plotting an attack on Cologne Cathedral on Christmas Eve on behalf of ISKP, prosecutors said on Sunday.',
    gold: {
      sub_event_type: 'Arrests',
      status: 'thwarted',
      date: '2023-12-24',
      place: 'Cologne',
      perpetrator: ISKP,
      fatalitiesMin: null,
    },
  },
  {
    id: 'iskp-20',
    published: '2022-04-19',
    text: 'Rockets fired from northern Afghanistan landed near Termez in Uzbekistan on Monday, causing no casualties. The Islamic State Khorasan Province claimed to have fired them.',
    gold: {
      sub_event_type: 'Shelling/artillery/missile attack',
      status: 'occurred',
      date: '2022-04-18',
      place: 'Termez',
      perpetrator: ISKP,
      fatalitiesMin: 0,
    },
  },
];

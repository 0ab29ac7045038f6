import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from '../extract.js';
import type { CountRange } from '../../core/stix/conflict-event-extension.js';

/** A count as the table writes it: `145+` at least 145, `225` exactly, `-` none told. */
function count(cell: string): CountRange | null {
  if (cell === '-') return null;
  const min = Number(cell.replace('+', ''));
  return cell.endsWith('+') ? { min } : { min, max: min };
}

// One attack and one thwarted plot per language, written by us from public facts (see
// test/conformance/multilingual/SOURCES.md for the incidents). Injuries `?` are not checked.
// case | published | language | sub-event | status | date | place | country | killed | injured | perpetrator | test name
const TABLE = `
ru-attack  | 2024-03-23 | ru | Attack       | occurred | 2024-03-22 | Krasnogorsk | RU | 145+ | 501+ | Islamic State Khorasan Province | Russian attack (Crocus City Hall), weekday against publication
ru-plot    | 2024-03-07 | ru | Arrests      | thwarted | 2024-03-07 | Moscow      | RU | -    | ?    | Islamic State Khorasan Province | Russian thwarted plot, Russian month name
fa-attack  | 2024-01-05 | fa | Suicide bomb | occurred | 2024-01-03 | Kerman      | IR | 95+  | 281+ | Islamic State Khorasan Province | Farsi attack dated in the Solar Hijri calendar (Kerman)
fa-plot    | 2023-07-22 | fa | Arrests      | thwarted | 2023-07-20 | Tehran      | IR | -    | ?    | Islamic State                   | Farsi thwarted plot, weekday
prs-attack | 2021-08-27 | fa | Suicide bomb | occurred | 2021-08-26 | Kabul       | AF | 183+ | ?    | Islamic State Khorasan Province | Dari attack with an Afghan month name (Abbey Gate, Kabul airport)
ps-attack  | 2023-03-28 | ps | Suicide bomb | occurred | 2023-03-27 | Kabul       | AF | 6+   | ?    | Islamic State Khorasan Province | Pashto attack, oblique weekday (د دوشنبې په ورځ)
ps-plot    | 2023-05-11 | ps | Arrests      | thwarted | 2023-05-10 | Jalalabad   | AF | -    | ?    | Islamic State Khorasan Province | Pashto thwarted plot: the Taliban arrest, ISKP is the suspect
ur-attack  | 2023-01-31 | ur | Suicide bomb | occurred | 2023-01-30 | Peshawar    | PK | 100+ | 225  | Jamaat-ul-Ahrar                 | Urdu attack (Peshawar Police Lines mosque)
ur-plot    | 2023-06-03 | ur | Arrests      | thwarted | 2023-06-01 | Lahore      | PK | -    | ?    | Tehrik-i-Taliban Pakistan       | Urdu thwarted plot (ناکام بنا دیا)
ar-attack  | 2021-08-27 | ar | Suicide bomb | occurred | 2021-08-26 | Kabul       | AF | 170+ | 151+ | Islamic State Khorasan Province | Arabic claim of the Kabul airport bombing, "at least" after the number
ar-plot    | 2023-07-25 | ar | Arrests      | thwarted | 2023-07-23 | Tehran      | IR | -    | ?    | Islamic State                   | Arabic thwarted plot (أحبطت)
`;

/** The reports, in the languages they were written in. */
const REPORTS: Record<string, string> = {
  'ru-attack':
    'Вечером в пятницу вооружённые люди открыли огонь по зрителям в концертном зале «Крокус Сити Холл» в подмосковном Красногорске, после чего в здании начался пожар. По данным Следственного комитета, погибли не менее 145 человек, более 500 получили ранения. Ответственность за теракт взяла на себя группировка «Исламское государство — Вилаят Хорасан».',
  'ru-plot':
    'ФСБ России 7 марта 2024 года сообщила, что предотвратила теракт в одной из синагог Москвы. Члены ячейки «Вилаят Хорасан» были нейтрализованы при задержании в Калужской области.',
  'fa-attack':
    'در پی دو انفجار انتحاری در نزدیکی گلزار شهدای کرمان در روز ۱۳ دی ۱۴۰۲، دست کم ۹۵ نفر کشته و بیش از ۲۸۰ نفر زخمی شدند. گروه داعش خراسان مسئولیت این حمله را بر عهده گرفت.',
  'fa-plot':
    'وزارت اطلاعات روز پنجشنبه اعلام کرد که یک تیم تروریستی وابسته به داعش را که قصد داشت در مراسم محرم در تهران بمب‌گذاری کند، پیش از اجرای عملیات دستگیر کرده است.',
  'prs-attack':
    'روز پنجشنبه ۴ سنبله ۱۴۰۰ یک حمله انتحاری در نزدیکی دروازه ابی گیت میدان هوایی کابل رخ داد. در این حمله دست کم ۱۸۳ نفر کشته شدند که ۱۳ تن آنان سربازان امریکایی بودند. داعش خراسان مسئولیت این حمله را به عهده گرفت.',
  'ps-attack':
    'د دوشنبې په ورځ د کابل ښار کې د بهرنیو چارو وزارت ته نږدې یو ځانمرګی برید وشو چې لږ تر لږه شپږ ملکیان پکې ووژل شول. داعش خراسان د دې برید مسؤلیت پر غاړه اخیستی دی.',
  'ps-plot':
    'د طالبانو د استخباراتو عمومي ریاست د چهارشنبې په ورځ وویل چې د ننګرهار ولایت په جلال آباد ښار کې یې د داعش خراسان یوه ډله ونیوله چې د یوه جومات د ویجاړولو پلان یې درلود.',
  'ur-attack':
    'پیر کے روز پشاور پولیس لائنز کی مسجد میں نماز ظہر کے دوران خودکش دھماکے میں کم از کم 100 افراد جاں بحق اور 225 زخمی ہو گئے۔ حکام کے مطابق حملے کی ذمہ داری جماعت الاحرار نے قبول کی۔',
  'ur-plot':
    'محکمہ انسداد دہشت گردی نے جمعرات کو لاہور میں کارروائی کرتے ہوئے دہشت گردی کا منصوبہ ناکام بنا دیا اور کالعدم ٹی ٹی پی کے تین دہشت گرد گرفتار کر لیے۔',
  'ar-attack':
    'تبنى تنظيم الدولة الإسلامية - ولاية خراسان الهجوم الانتحاري الذي استهدف مطار كابول يوم الخميس، وأسفر عن مقتل 170 شخصا على الأقل وإصابة أكثر من 150 آخرين.',
  'ar-plot':
    'أعلنت وزارة الاستخبارات الإيرانية يوم الأحد أنها أحبطت مخططا لتنفيذ تفجيرات انتحارية في طهران، واعتقلت عشرة أشخاص مرتبطين بتنظيم داعش.',
};

const CASES = TABLE.trim()
  .split('\n')
  .map((row) => {
    const [
      id,
      published,
      language,
      sub,
      status,
      date,
      place,
      country,
      killed,
      injured,
      perpetrator,
      name,
    ] = row.split('|').map((cell) => cell.trim()) as [string, ...string[]];
    return {
      name: name!,
      text: REPORTS[id]!,
      published: published!,
      want: {
        language: language!,
        sub: sub!,
        status: status!,
        date: date!,
        place: place!,
        country: country!,
        fatalities: count(killed!),
        ...(injured === '?' ? {} : { injuries: count(injured!) }),
        perpetrator: perpetrator!,
      },
    };
  });

describe('reports in the region languages', () => {
  for (const { name, text, published, want } of CASES) {
    it(name, () => {
      const out = extractDocument({ id: 'r', text, published });
      assert.equal(out.language, want.language);
      const event = out.events[0];
      assert.ok(event, 'an incident is found');
      assert.equal(event.sub_event_type, want.sub);
      assert.equal(event.status, want.status);
      assert.equal(event.date, want.date);
      assert.equal(event.location?.name, want.place);
      assert.equal(event.location?.country, want.country);
      assert.deepEqual(event.fatalities, want.fatalities);
      if (want.injuries !== undefined) assert.deepEqual(event.injuries, want.injuries);
      assert.equal(event.actors.find((a) => a.role === 'perpetrator')?.name, want.perpetrator);
      // Every span points into the original text, unchanged.
      for (const e of out.entities) assert.equal(text.slice(e.start, e.end), e.text);
      for (const s of event.evidence) assert.ok(s.end > s.start && s.end <= text.length);
    });
  }

  it('resolves a place to the same coordinates as its English name', () => {
    const ru = extractDocument({ id: 'r', text: 'В Кабуле произошёл взрыв, погибли 5 человек.' });
    const en = extractDocument({ id: 'e', text: 'A bomb exploded in Kabul, killing 5 people.' });
    assert.equal(ru.events[0]?.location?.lat, en.events[0]?.location?.lat);
    assert.equal(ru.events[0]?.location?.lon, en.events[0]?.location?.lon);
  });

  it('keeps diacritics, ZWNJ and bidi controls in the spans while matching through them', () => {
    const text = '\u202Bدر انفجارِ بمب در کابل ده‌ها نفر کشته شدند.\u202C';
    const out = extractDocument({ id: 'r', text });
    assert.equal(out.events[0]?.location?.name, 'Kabul');
    assert.deepEqual(out.events[0]?.fatalities, { min: 10, max: 99 });
    const quantity = out.entities.find((e) => e.type === 'quantity');
    assert.equal(quantity?.text, 'ده‌ها');
  });

  it('answers a language it does not read with its code and no events, and never throws on mixed input', () => {
    const fr = extractDocument({
      id: 'f',
      text: 'Une bombe a explosé à Kaboul, tuant cinq personnes selon la police de la ville.',
    });
    assert.equal(fr.language, 'fr');
    assert.equal(fr.events.length, 0);
    const he = extractDocument({
      id: 'h',
      text: 'פיגוע התאבדות בקאבול הרג חמישה אנשים לפי המשטרה המקומית בעיר',
    });
    assert.equal(he.events.length, 0);
    const mixed = extractDocument({
      id: 'm',
      text: 'Взрыв в Kabul: ISIS-K claimed, داعش خراسان, погибли 3 человека. \u202E\u2066',
    });
    assert.equal(mixed.language, 'ru');
    assert.equal(mixed.events.length, 1);
  });
});

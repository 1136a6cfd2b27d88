/**
 * A seeded, deterministic generator of raw scraped articles in the shapes real outlets print (masthead,
 * section label, headline, a date line in one of many forms, paragraphs with direct and reported speech by
 * the story's people, captions, a "read also" tail, counters): the input of `npm run bench:ingest` and
 * `npm run bench:build`. The same seed and count always give the same files. Sentences are assembled from
 * short phrase banks, so texts vary in length and wording like a real corpus rather than repeating one article.
 */
import fs from 'node:fs';
import path from 'node:path';

/** mulberry32: a small, fast, seeded PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPEAKERS = [
  ['المتحدث باسم الكرملين دميتري بيسكوف', 'بيسكوف'],
  ['الرئيس الروسي فلاديمير بوتين', 'بوتين'],
  ['الزعيم الكوري الشمالي كيم جونغ أون', 'كيم'],
  ['وزير الخارجية الروسي سيرغي لافروف', 'لافروف'],
  ['وزيرة الخارجية الكورية الشمالية تشوي سون هوي', 'تشوي'],
  ['المتحدثة باسم الخارجية الروسية ماريا زاخاروفا', 'زاخاروفا'],
  ['وزير الدفاع الروسي أندريه بيلوسوف', 'بيلوسوف'],
  ['مستشار الكرملين يوري أوشاكوف', 'أوشاكوف'],
  ['الرئيس الكوري الجنوبي يون سوك يول', 'يون'],
  ['وزير الخارجية الأمريكي أنتوني بلينكن', 'بلينكن'],
] as const;
const VERBS = ['قال', 'أكد', 'أعلن', 'أوضح', 'أشار', 'صرح'];
const SUBJECTS = ['العلاقات بين موسكو وبيونغ يانغ', 'التعاون العسكري بين البلدين', 'المعاهدة الجديدة', 'الزيارة المرتقبة', 'المحادثات الثنائية', 'العقوبات الغربية', 'الوضع في شبه الجزيرة الكورية', 'الشراكة الاستراتيجية الشاملة'];
const PREDICATES = ['تشهد تطورا ملحوظا', 'لا تستهدف أي طرف ثالث', 'تسير وفق ما اتفق عليه الزعيمان', 'تحظى بأهمية كبيرة للبلدين', 'ستتواصل في الأشهر المقبلة', 'تخضع لقواعد القانون الدولي', 'لم تتأثر بالضغوط الخارجية', 'تفتح صفحة جديدة في التعاون'];
const CONTEXT = ['في مؤتمر صحفي في موسكو', 'خلال لقائه الصحفيين', 'في تصريحات نقلتها وكالة تاس', 'في بيان نشر على موقع الوزارة', 'عقب اجتماع مطول', 'في مقابلة تلفزيونية'];
const PLACES = ['بيونغ يانغ', 'موسكو', 'فلاديفوستوك', 'سيول', 'واشنطن', 'بكين', 'كورسك'];
const FACTS = [
  'ووصل الوفد إلى {place} صباح اليوم في زيارة تستمر عدة أيام، وكان في استقباله عدد من كبار المسؤولين.',
  'وتأتي هذه التطورات في وقت تتهم فيه الدول الغربية {place} بتزويد روسيا بالذخائر والصواريخ.',
  'وشهدت العلاقات بين البلدين تقاربا متزايدا منذ القمة التي جمعت الزعيمين في أقصى الشرق الروسي.',
  'ويرى مراقبون أن الخطوة تعكس رغبة الطرفين في توسيع التعاون الاقتصادي والعسكري رغم العقوبات.',
  'وتناولت المباحثات ملفات الطاقة والنقل والزراعة، إضافة إلى التعاون في مجال التعليم والثقافة.',
  'وأعربت عواصم غربية عن قلقها من تنامي هذا التقارب، مطالبة بالالتزام بقرارات مجلس الأمن الدولي.',
];
const MASTHEADS = ['الموقع الرسمي | أخبار الشرق', 'بوابة الخبر', 'صحيفة الأفق', 'شبكة النبأ الإخبارية', 'الرئيسية'];
const SECTIONS = ['سياسة دولية', 'عربي ودولي', 'العالم', 'أخبار العالم', 'دولي'];
const MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
const OUTLET_LINES = ['المصدر: الأسبوع', 'المصدر: البوابة نيوز', 'المصدر: وكالات', '(İLKHA)'];
const TAILS = ['اقرأ أيضا', 'أخبار ذات صلة', 'اقرأ المزيد'];
const HEADLINES = ['{a} يبحث مع {b} تعزيز التعاون في {place}', 'موسكو وبيونغ يانغ تتفقان على توسيع الشراكة', '{a}: {subject} {predicate}', 'زيارة مرتقبة إلى {place} لبحث ملفات التعاون', 'تقارب روسي كوري شمالي يثير قلق العواصم الغربية'];

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const pad = (n: number) => String(n).padStart(2, '0');

/** The date line in one of the shapes outlets print. */
function dateLine(rnd: () => number, y: number, m: number, d: number): string {
  const h = Math.floor(rnd() * 24);
  const mi = Math.floor(rnd() * 60);
  switch (Math.floor(rnd() * 5)) {
    case 0:
      return `تاريخ النشر: ${d} ${MONTHS[m - 1]} ${y}`;
    case 1:
      return `نشر في: ${pad(d)}/${pad(m)}/${y} - ${pad(h)}:${pad(mi)}`;
    case 2:
      return `تاريخ النشر: ${y}-${pad(m)}-${pad(d)}`;
    case 3:
      return `Ekleme: ${pad(d)}.${pad(m)}.${y} ${pad(h)}:${pad(mi)}:00 / Güncelleme: ${pad(d)}.${pad(m)}.${y} ${pad(h)}:${pad(mi)}:00 / Arapça`;
    default:
      return `نُشر في ${d} ${MONTHS[m - 1]} ${y}`;
  }
}

function fill(rnd: () => number, template: string): string {
  return template
    .replace('{a}', pick(rnd, SPEAKERS)[1])
    .replace('{b}', pick(rnd, SPEAKERS)[1])
    .replace(/\{place\}/g, pick(rnd, PLACES))
    .replace('{subject}', pick(rnd, SUBJECTS))
    .replace('{predicate}', pick(rnd, PREDICATES));
}

/** One article's text; `i` makes it unique (its headline carries a serial so no two are duplicates). */
export function generateArticle(rnd: () => number, i: number): string {
  const y = 2023 + Math.floor(rnd() * 2);
  const m = 1 + Math.floor(rnd() * 12);
  const d = 1 + Math.floor(rnd() * 28);
  const lines: string[] = [];
  if (rnd() < 0.5) lines.push(pick(rnd, MASTHEADS));
  if (rnd() < 0.6) lines.push(pick(rnd, SECTIONS));
  lines.push(`${fill(rnd, pick(rnd, HEADLINES))} (${i + 1})`);
  lines.push(dateLine(rnd, y, m, d));
  const paragraphs = 3 + Math.floor(rnd() * 6);
  for (let p = 0; p < paragraphs; p++) {
    const [full, short] = pick(rnd, SPEAKERS);
    const r = rnd();
    if (r < 0.35) lines.push(`${pick(rnd, ['', 'و'])}${pick(rnd, VERBS)} ${full} ${pick(rnd, CONTEXT)} إن ${pick(rnd, SUBJECTS)} ${pick(rnd, PREDICATES)}.`);
    else if (r < 0.55) lines.push(`وأضاف ${short}: «${pick(rnd, SUBJECTS)} ${pick(rnd, PREDICATES)}، ونحن نعمل على ذلك».`);
    else if (r < 0.65) lines.push(`${full} خلال الاجتماع`); // a caption-like short line
    else lines.push(fill(rnd, pick(rnd, FACTS)));
  }
  if (rnd() < 0.7) lines.push(pick(rnd, OUTLET_LINES));
  if (rnd() < 0.5) {
    lines.push(pick(rnd, TAILS));
    lines.push(fill(rnd, pick(rnd, HEADLINES)));
  }
  if (rnd() < 0.4) lines.push(`التعليقات (${Math.floor(rnd() * 20)})`);
  return `${lines.join('\n')}\n`;
}

/** Write `count` articles into `dir` (seeds' shape: <n>.txt), deterministic for a seed. */
export function writeArticles(dir: string, count: number, seed = 20231913): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const rnd = random(seed);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `gen-${String(i).padStart(6, '0')}.txt`;
    fs.writeFileSync(path.join(dir, name), generateArticle(rnd, i));
    names.push(name);
  }
  return names;
}

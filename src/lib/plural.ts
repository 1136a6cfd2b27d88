/**
 * Arabic counted nouns. Arabic has six plural categories (zero, one, two, few 3–10, many 11–99,
 * other 100…), and the noun changes with each: "تصريح واحد، تصريحان، 3 تصريحات، 11 تصريحًا، 100 تصريح".
 */
export interface CountedNoun {
  zero: string;
  one: string;
  two: string;
  /** 3–10: plural, after the number. */
  few: string;
  /** 11–99: singular accusative, after the number. */
  many: string;
  /** 100, 1000 …: singular genitive, after the number. */
  other: string;
}

const rules = new Intl.PluralRules('ar');
/** Each count's category, asked of ICU once: a build counts the same small numbers on every page. */
const categories = new Map<number, keyof CountedNoun>();

/** "لا تصريحات"، "تصريح واحد"، "تصريحان"، "3 تصريحات"، "11 تصريحًا"، "100 تصريح". */
export function countOf(n: number, noun: CountedNoun): string {
  let category = categories.get(n);
  if (category === undefined) {
    category = rules.select(n) as keyof CountedNoun;
    if (categories.size < 10_000) categories.set(n, category);
  }
  if (category === 'zero' || category === 'one' || category === 'two') return noun[category];
  return `${n} ${noun[category]}`;
}

export const CLAIMS: CountedNoun = {
  zero: 'لا تصريحات',
  one: 'تصريح واحد',
  two: 'تصريحان',
  few: 'تصريحات',
  many: 'تصريحًا',
  other: 'تصريح',
};

export const ENTRIES: CountedNoun = {
  zero: 'لا أخبار',
  one: 'خبر واحد',
  two: 'خبران',
  few: 'أخبار',
  many: 'خبرًا',
  other: 'خبر',
};

export const LINES: CountedNoun = {
  zero: 'لا أسطر',
  one: 'سطر واحد',
  two: 'سطران',
  few: 'أسطر',
  many: 'سطرًا',
  other: 'سطر',
};

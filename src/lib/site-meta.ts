/**
 * The site's name and one-line description in Arabic: page titles, meta descriptions, feeds, exports
 * and Open Graph all read them from here.
 */
export const SITE_TITLE = 'روسيا وكوريا الشمالية: خط زمني للأخبار';
export const SITE_DESCRIPTION =
  'خط زمني لأخبار العلاقات بين روسيا وكوريا الشمالية في المصادر العربية، من قمة فوستوشني إلى زيارة وزير الدفاع الروسي إلى بيونغ يانغ، لكل خبر تاريخه ومصدره وأطرافه وتصريحاتهم.';
/** Open Graph locale of every page. */
export const OG_LOCALE = 'ar_AR';

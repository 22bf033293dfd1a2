/**
 * Page set-up and type of Word exports. '公文' (the default) follows GB/T 9704-2012 as organisations apply it:
 * A4, margins 37/35/28/26 mm (top/bottom/left/right), a 22-line × 28-character grid, 2号 小标宋 title, 3号 仿宋
 * body, 一、 黑体 / （一） 楷体 / 1. and （1） 仿宋 headings, "— n —" page numbers in 4号宋体, odd pages right and
 * even pages left. '简洁' is the earlier look (宋体 小四, Word's default margins), kept as an option.
 */

export type DocxLayout = 'gongwen' | 'simple';
export const DOCX_LAYOUTS: readonly DocxLayout[] = ['gongwen', 'simple'];

/** Twips per millimetre (1 twip = 1/1440 inch). */
export const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * TWIPS_PER_MM);

/** A4 and the GB/T 9704 margins, in twips. */
export const GONGWEN_PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  /** The page number sits 7 mm under the text block: footer distance from the page edge ≈ 35 − 7 − 5 mm. */
  footer: mm(23),
  header: mm(15),
};

/**
 * The 22 × 28 grid: the text block is 225 mm high and 156 mm wide. 22 lines of 225 mm give a pitch of 28.96 pt
 * (579 twips, rounded down so 22 always fit); 28 characters of 156 mm are 15.79 pt each, i.e. 0.21 pt less than
 * the 16 pt body size, which Word's grid expresses as charSpace in 1/4096 pt.
 */
export const GONGWEN_GRID = {
  lines: 22,
  chars: 28,
  linePitch: Math.floor((GONGWEN_PAGE.height - GONGWEN_PAGE.top - GONGWEN_PAGE.bottom) / 22),
  charSpace: Math.round(((mm(156) / 20 / 28 - 16) * 4096) as number),
};

/** Font names by role, with the fallbacks written into the font table (Word and WPS substitute through them). */
export const GONGWEN_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Each font and the one Word or WPS should use when it is missing: a chain down to fonts every Chinese system has. */
export const FONT_FALLBACKS: readonly [string, string][] = [
  ['方正小标宋简体', '华文中宋'],
  ['华文中宋', '宋体'],
  ['仿宋_GB2312', '仿宋'],
  ['仿宋', 'FangSong'],
  ['楷体_GB2312', '楷体'],
  ['楷体', 'KaiTi'],
  ['黑体', 'SimHei'],
  ['宋体', 'SimSun'],
];

/** Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const GONGWEN_SIZES = { title: 44, body: 32, pageNumber: 28, table: 24 } as const;

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** word/fontTable.xml naming every 公文 font with its fallback (GB2312 charset, so Word maps it as Chinese). */
export function gongwenFontTableXml(): string {
  const fonts = FONT_FALLBACKS.map(
    ([name, alt]) =>
      `<w:font w:name="${escapeAttr(name)}"><w:altName w:val="${escapeAttr(alt)}"/><w:charset w:val="86"/>` +
      '<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>',
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    fonts +
    `<w:font w:name="${GONGWEN_FONTS.latin}"><w:charset w:val="00"/><w:family w:val="roman"/>` +
    '<w:pitch w:val="variable"/></w:font></w:fonts>'
  );
}

/** Run fonts for a Chinese font name: the East Asian slot gets it, Latin letters and digits Times New Roman. */
export interface FontSlots {
  ascii: string;
  hAnsi: string;
  cs: string;
  eastAsia: string;
}
export function fontSlots(eastAsia: string): FontSlots {
  const latin: string = GONGWEN_FONTS.latin;
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia };
}

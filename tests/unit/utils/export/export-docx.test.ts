import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DOCX_MIME, toDocx, toDocxBytes } from '@/utils/export/docx';
import { buildStudyExport, type StudyExport } from '@/utils/export/model';
import { loadInput } from '../../../support/records';

/** The parts of a .docx a test reads: the body and the style sheet, as XML text. */
function unzipDocx(bytes: Uint8Array): { document: string; styles: string } {
  const files = unzipSync(bytes);
  const part = (name: string) => {
    const data = files[name];
    if (!data) throw new Error(`${name} missing from the .docx`);
    return strFromU8(data);
  };
  return { document: part('word/document.xml'), styles: part('word/styles.xml') };
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Body paragraphs in order as "Style|text" (no style: "-"); table cells come out as paragraphs too. */
function paragraphs(documentXml: string): string[] {
  const out: string[] = [];
  for (const m of documentXml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)) {
    const body = m[1] ?? '';
    const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? '-';
    const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((t) => (t[0] === '<w:br/>' ? '⏎' : unescapeXml(t[1] ?? '')))
      .join('');
    out.push(`${style}|${text}`);
  }
  return out;
}

function styleXml(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  if (!m) throw new Error(`style ${id} missing`);
  return m[0];
}

/** These tests read the 简洁 layout's styles; the 公文 layout (the default) has its own tests (export-gongwen). */
const SIMPLE = { layout: 'simple' } as const;

describe('Word export', () => {
  const model = buildStudyExport(loadInput('single-speech'));

  it('writes the outline as Word headings, quotes and notes in reading order', async () => {
    const { document } = unzipDocx(await toDocxBytes(model, SIMPLE));
    const body = paragraphs(document);
    const end = body.indexOf('Heading1|重点任务清单');
    expect(body.slice(0, end)).toEqual([
      'Title|学习笔记',
      'YanduMeta|导出日期：2026-11-24',
      'Heading1|在全市工会系统重点工作推进会上的讲话',
      'YanduMeta|讲话人：王建华',
      'YanduMeta|场合：全市工会系统重点工作推进会',
      'YanduMeta|日期：2026-03-12',
      'YanduMeta|原文：http://www.ordoszgh.gov.cn/zlzx/ldjh/202603/t20260312_100001.html',
      'Heading2|开篇',
      'YanduQuote|【重要论述】总结去年工作，部署今年任务',
      'YanduNote|批注：会议的两项议程。',
      'Heading2|第一，提高政治站位，切实增强做好工会工作的责任感',
      'Heading3|一要深化理论学习',
      'YanduQuote|【重点任务】把学习作为第一任务',
      'YanduNote|批注：本支部要落实到月度计划。',
      'Heading3|二要加强队伍建设',
      'YanduQuote|【疑问】每年培训不少于两次',
      'YanduNote|批注：基层工会干部培训由谁组织？⏎需要向市总确认。',
      'Heading2|第二，聚焦主责主业，扎实推进职工服务工作',
      'Heading3|（一）做好困难职工帮扶',
      'YanduQuote|【数据】帮扶资金发放1200万元',
      'Heading3|（二）办好职工书屋',
      'YanduQuote|【重点任务】年底前新建职工书屋30家',
      'Heading2|未能定位',
      'YanduQuote|【重要论述】让我们扎实工作',
      'YanduNote|批注：原文改版后找不到这句了。',
      'Heading2|学习心得',
      'YanduStudy|讲话把全年工作归结为三个方面，重在落实。',
      'YanduStudy|结合本单位实际，先抓学习制度和困难职工帮扶两件事。',
    ]);
  });

  it('makes the category a bold label at the start of each quote', async () => {
    const { document } = unzipDocx(await toDocxBytes(model, SIMPLE));
    const quote = /<w:p>(?:(?!<\/w:p>)[\s\S])*?YanduQuote[\s\S]*?<\/w:p>/.exec(document)?.[0] ?? '';
    expect(quote).toMatch(/<w:r><w:rPr><w:b\/>(<w:bCs\/>)?<\/w:rPr><w:t[^>]*>【重要论述】<\/w:t><\/w:r>/);
  });

  it('links the source only when it is a web address', async () => {
    const { document } = unzipDocx(await toDocxBytes(model, SIMPLE));
    expect(document).toContain('<w:hyperlink');
    const hostile = unzipDocx(
      await toDocxBytes(buildStudyExport(loadInput('two-speeches-untrusted-text')), SIMPLE),
    );
    expect(hostile.document.match(/<w:hyperlink/g)).toHaveLength(1);
    expect(paragraphs(hostile.document)).toContain('YanduMeta|原文：javascript:alert(1)');
    // Page text is written as text: the markup arrives escaped, never as XML elements.
    expect(hostile.document).not.toContain('<script>');
    expect(hostile.document).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('ends with the key-task table: header row repeated on each page, one row per task', async () => {
    const { document } = unzipDocx(await toDocxBytes(model, SIMPLE));
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(document)?.[0] ?? '';
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) =>
      paragraphs(r[0]).map((p) => p.split('|')[1]),
    );
    expect(rows).toEqual([
      ['任务', '出处', '状态', '完成时限', '落实情况'],
      [
        '把学习作为第一任务',
        '《在全市工会系统重点工作推进会上的讲话》一要深化理论学习',
        '推进中',
        '2026-06-30',
        '已制定学习计划，每月集中学习一次。',
      ],
      [
        '年底前新建职工书屋30家',
        '《在全市工会系统重点工作推进会上的讲话》（二）办好职工书屋',
        '未开始',
        '—',
        '',
      ],
    ]);
    expect(table).toContain('<w:tblHeader/>');
    const without = unzipDocx(await toDocxBytes({ ...model, tasks: null }, SIMPLE));
    expect(without.document).not.toContain('<w:tbl>');
    expect(without.document).not.toContain('重点任务清单');
  });

  it('sets Chinese fonts for Word and WPS: 宋体 body, 黑体 headings, 楷体 notes', async () => {
    const { styles } = unzipDocx(await toDocxBytes(model, SIMPLE));
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="宋体"/);
    expect(defaults).toMatch(/<w:rFonts [^>]*w:ascii="Times New Roman"/);
    expect(defaults).toContain('w:eastAsia="zh-CN"');
    for (const [id, level] of [
      ['Heading1', 0],
      ['Heading2', 1],
      ['Heading3', 2],
      ['Heading4', 3],
    ] as const) {
      const style = styleXml(styles, id);
      expect(style).toMatch(/<w:rFonts [^>]*w:eastAsia="黑体"/);
      expect(style).toContain(`<w:outlineLvl w:val="${level}"/>`);
    }
    expect(styleXml(styles, 'Title')).toMatch(/w:eastAsia="黑体"/);
    expect(styleXml(styles, 'YanduNote')).toMatch(/w:eastAsia="楷体"/);
    expect(styleXml(styles, 'YanduQuote')).toMatch(/<w:ind w:left="480"\/>/);
  });

  it('lays out an A4 page with margins', async () => {
    const { document } = unzipDocx(await toDocxBytes(model, SIMPLE));
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="1440" w:right="1797" w:bottom="1440" w:left="1797"/);
  });

  it('drops characters XML forbids so Word can open the file', async () => {
    const broken: StudyExport = {
      ...model,
      speeches: [
        {
          ...(model.speeches[0] as StudyExport['speeches'][number]),
          title: '控制\u0001字符\uFFFF与\uD800孤立代理',
        },
      ],
    };
    const { document } = unzipDocx(await toDocxBytes(broken, SIMPLE));
    expect(paragraphs(document)).toContain('Heading1|控制字符与孤立代理');
  });

  it('reports progress per speech and a last step for writing the file', async () => {
    const many: StudyExport = {
      ...model,
      speeches: Array.from({ length: 7 }, () => model.speeches[0]),
    } as StudyExport;
    const seen: string[] = [];
    await toDocxBytes(many, {
      ...SIMPLE,
      chunkSize: 3,
      onProgress: (done, total) => seen.push(`${done}/${total}`),
    });
    expect(seen).toEqual(['0/8', '3/8', '6/8', '7/8', '8/8']);
  });

  it('gives a Blob of the Word type that holds the same document', async () => {
    const blob = await toDocx(model, SIMPLE);
    expect(blob.type).toBe(DOCX_MIME);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(paragraphs(unzipDocx(bytes).document)[0]).toBe('Title|学习笔记');
  });
});

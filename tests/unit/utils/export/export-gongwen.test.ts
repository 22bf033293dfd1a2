/**
 * The 公文 layout as Word and WPS read it from the file: page set-up and grid in the section properties, fonts
 * and their fallbacks, outline levels of the headings, odd/even page numbers. (How LibreOffice lays it out on
 * paper is checked in export-libreoffice.test.ts.)
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toDocxBytes } from '@/utils/export/docx';
import { blocksToDocxBytes } from '@/utils/export/docx-blocks';
import { buildStudyExport } from '@/utils/export/model';
import { loadInput } from '../../../support/records';

function parts(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const get = (name: string) => strFromU8(files[name] ?? new Uint8Array());
  return {
    document: get('word/document.xml'),
    styles: get('word/styles.xml'),
    fonts: get('word/fontTable.xml'),
    settings: get('word/settings.xml'),
    footers: Object.keys(files)
      .filter((f) => /^word\/footer\d+\.xml$/.test(f))
      .map(get),
  };
}

const style = (styles: string, id: string) =>
  new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';

describe('公文 layout', () => {
  const sample = () =>
    blocksToDocxBytes({
      title: 't',
      orientation: 'portrait',
      blocks: [
        { kind: 'title', text: '标题' },
        { kind: 'heading', level: 1, text: '一、总体要求' },
        { kind: 'heading', level: 2, text: '（一）工作目标' },
        { kind: 'heading', level: 3, text: '1. 具体任务' },
        { kind: 'heading', level: 4, text: '（1）细化分工' },
        { kind: 'para', runs: [{ text: '正文。' }] },
      ],
    });

  it('sets A4, margins 37/35/28/26 mm and a 22-line × 28-character grid', async () => {
    const { document } = parts(await sample());
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const grid = /<w:docGrid w:type="linesAndChars" w:linePitch="(\d+)" w:charSpace="(-?\d+)"\/>/.exec(
      document,
    );
    expect(grid).not.toBeNull();
    const pitch = Number(grid?.[1]);
    // 22 lines fill the 225 mm text block (12,756 twips) without a 23rd fitting; 28 characters fill 156 mm.
    expect(pitch * 22).toBeLessThanOrEqual(12756);
    expect(pitch * 23).toBeGreaterThan(12756);
    expect(((16 + Number(grid?.[2]) / 4096) * 28) / (72 / 25.4)).toBeCloseTo(156, 0);
  });

  it('uses 小标宋 titles, 仿宋 body, 黑体/楷体/仿宋 headings with outline levels, and names fallbacks', async () => {
    const { styles, fonts } = parts(await sample());
    expect(styles).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="仿宋_GB2312"[^>]*\/>[\s\S]*?<w:sz w:val="32"\/>/,
    );
    expect(style(styles, 'Heading1')).toContain('w:eastAsia="方正小标宋简体"');
    expect(style(styles, 'Heading1')).toContain('<w:sz w:val="44"/>');
    const levels = ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5'].map(
      (id) => /<w:outlineLvl w:val="(\d)"\/>/.exec(style(styles, id))?.[1],
    );
    expect(levels).toEqual(['0', '1', '2', '3', '4']);
    expect(style(styles, 'Heading2')).toContain('w:eastAsia="黑体"');
    expect(style(styles, 'Heading3')).toContain('w:eastAsia="楷体_GB2312"');
    expect(style(styles, 'Heading4')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:firstLineChars="200"');
    for (const [font, alt] of [
      ['方正小标宋简体', '华文中宋'],
      ['华文中宋', '宋体'],
      ['仿宋_GB2312', '仿宋'],
      ['仿宋', 'FangSong'],
    ]) {
      expect(fonts).toContain(`<w:font w:name="${font}"><w:altName w:val="${alt}"/>`);
    }
  });

  it('numbers pages "— n —" in 4号宋体, odd pages right and even pages left', async () => {
    const { footers, settings } = parts(await sample());
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —/);
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
  });

  it('is the default of the study export, with 简洁 (the earlier look) as an option', async () => {
    const model = buildStudyExport(loadInput('single-speech'));
    expect(parts(await toDocxBytes(model)).document).toContain('w:type="linesAndChars"');
    const simple = parts(await toDocxBytes(model, { layout: 'simple' }));
    expect(simple.document).not.toContain('linesAndChars');
    expect(simple.document).toContain('<w:pgMar w:top="1440" w:right="1797" w:bottom="1440" w:left="1797"');
  });
});

// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutline } from '@/utils/outline/build';
import { DEFAULT_PARAMS, type OutlineParams } from '@/utils/outline/params';
import type { OutlineNode } from '@/utils/types';

// Composed speeches (never copied from real ones) with hand-written expected outlines.
const FIXTURES = join(process.cwd(), 'tests/fixtures/outline');

interface Fixture {
  id: string;
  description: string;
  paragraphs: string[];
  outline: OutlineNode[];
}

const fixtures: Fixture[] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Fixture);

/** The enumeration nodes only: tests about markers and levels leave the 开头 / 结束语 parts aside. */
const sections = (nodes: OutlineNode[]) => nodes.filter((n) => n.role === undefined);

const brief = (nodes: OutlineNode[]) =>
  nodes.map((n) => `L${n.level} ${n.marker} ${n.para}:${n.offset} ${n.title}`);

describe('buildOutline on composed speeches', () => {
  it('has fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  for (const fx of fixtures) {
    it(`${fx.id}: ${fx.description}`, () => {
      // Compare a readable form first so a failure shows which node differs, then the exact objects.
      expect(brief(buildOutline(fx.paragraphs))).toEqual(brief(fx.outline));
      expect(buildOutline(fx.paragraphs)).toEqual(fx.outline);
    });
  }

  it('every expected marker really sits at its offset (fixture sanity)', () => {
    for (const fx of fixtures) {
      for (const n of fx.outline) expect(fx.paragraphs[n.para]?.startsWith(n.marker, n.offset)).toBe(true);
    }
  });
});

describe('buildOutline markers and titles', () => {
  it('accepts full-width and half-width punctuation alike', () => {
    const full = [
      '下面我讲两点。',
      '第一，抓好学习。要原原本本读原文。',
      '第二，抓好落实。要一项一项抓到位。',
    ];
    const half = full.map((p) => p.replace(/，/g, ','));
    const a = sections(buildOutline(full));
    const b = sections(buildOutline(half));
    expect(brief(a)).toEqual(['L1 第一 1:0 抓好学习', 'L1 第二 2:0 抓好落实']);
    expect(brief(b)).toEqual(brief(a));
  });

  it('ends an inline title at the next sibling marker when items are separated by commas', () => {
    const out = buildOutline([
      '今年要实现三个目标：一是地区生产总值增长百分之六左右，二是城镇新增就业稳定在两万人以上，三是居民收入同经济增长基本同步。',
    ]);
    expect(out.map((n) => n.title)).toEqual([
      '地区生产总值增长百分之六左右',
      '城镇新增就业稳定在两万人以上',
      '居民收入同经济增长基本同步',
    ]);
    expect(out.map((n) => n.marker)).toEqual(['一是', '二是', '三是']);
  });

  it('writes markers without their trailing delimiter', () => {
    const out = buildOutline([
      '一、总体要求',
      '（一）指导思想。坚持稳中求进。',
      '1、突出重点。',
      '2、补齐短板。',
      '（二）主要目标。全年完成投资任务。',
      '二、重点任务',
    ]);
    expect(out.map((n) => [n.level, n.marker])).toEqual([
      [1, '一'],
      [2, '（一）'],
      [3, '1'],
      [3, '2'],
      [2, '（二）'],
      [1, '二'],
    ]);
  });

  it('needs a real sequence: a lone 一要 or a 二是 without 一是 is prose', () => {
    const out = buildOutline([
      '同志们：',
      '做好今年的工作，一要有信心，这是我们的底气所在。',
      '我们还要看到，二是不少同志经常挂在嘴边的口头禅，并不代表第二项任务。',
      '大家要团结一心，把工作做好。',
    ]);
    expect(out).toEqual([]);
  });

  it('keeps ①②③ and （1）（2） lists nested under their heading', () => {
    const out = buildOutline([
      '一、加强队伍建设',
      '要从三个方面着手：①健全培训制度，每年轮训一遍基层干部。②完善考核办法，把实绩作为评价干部的主要依据。③畅通晋升渠道，让实干者有舞台。',
      '二、改进工作作风',
    ]);
    expect(brief(out)).toEqual([
      'L1 一 0:0 加强队伍建设',
      'L2 ① 1:9 健全培训制度，每年轮训一遍基层干部',
      'L2 ② 1:28 完善考核办法，把实绩作为评价干部的主要依据',
      'L2 ③ 1:51 畅通晋升渠道，让实干者有舞台',
      'L1 二 2:0 改进工作作风',
    ]);
  });

  it('reads full-width digits and a lone closing parenthesis at a paragraph start', () => {
    const out = buildOutline([
      '一、总体要求',
      '１．坚持稳中求进。要统筹兼顾、突出重点。',
      '２．坚持改革创新。要敢于探索、勇于突破。',
      '二、主要任务',
      '1）加强理论学习。每月至少集中学习一次。',
      '2）改进工作作风。多到基层调查研究。',
      '全年共有１２．５万人参加培训，比例为3）这样的写法在句中不算。',
    ]);
    expect(brief(out)).toEqual([
      'L1 一 0:0 总体要求',
      'L2 １ 1:0 坚持稳中求进',
      'L2 ２ 2:0 坚持改革创新',
      'L1 二 3:0 主要任务',
      'L2 1） 4:0 加强理论学习',
      'L2 2） 5:0 改进工作作风',
    ]);
  });

  it('keeps a list whose wording recurs in a later section (only previews are dropped)', () => {
    const paras = [
      '一、回顾',
      '去年主要做了两件事：一是加强组织领导，成立了工作专班；二是完善制度机制，出台了考核办法。',
      ...Array.from({ length: 8 }, () => '各项工作有序推进，取得了明显成效。'),
      '二、部署',
      '（一）加强组织领导。要继续发挥工作专班的作用。',
      '（二）强化督查考核。要定期通报工作进展。',
    ];
    expect(buildOutline(paras).map((n) => `${n.level}${n.marker}@${n.para}`)).toEqual([
      '1一@0',
      '2一是@1',
      '2二是@1',
      '1二@10',
      '2（一）@11',
      '2（二）@12',
    ]);
  });

  it('keeps two speeches collected on one page at the same level', () => {
    const out = buildOutline([
      '第一篇：在全县春耕生产会议上的讲话',
      '同志们：',
      '一、抓好春耕备耕',
      '要提早调运种子化肥，确保农资供应充足。',
      '二、强化技术服务',
      '要组织农技人员深入田间地头开展指导。',
      '第二篇：在全县防汛工作会议上的讲话',
      '同志们：',
      '一、压实防汛责任',
      '要层层落实防汛责任制。',
    ]);
    expect(sections(out).map((n) => `${n.level}${n.marker}@${n.para}`)).toEqual(['1一@2', '1二@4', '1一@8']);
  });

  it('reads a bare numeral and a space as a heading marker at a paragraph start (一 关于…)', () => {
    const out = buildOutline([
      '下面讲两个问题。',
      '一 关于工作作风问题',
      '作风建设永远在路上。',
      '二 关于队伍建设问题',
    ]);
    expect(brief(sections(out))).toEqual(['L1 一 1:0 关于工作作风问题', 'L1 二 3:0 关于队伍建设问题']);
    const parts = buildOutline(['第一部分 关于形势', '形势总体向好。', '第二部分 关于任务']);
    expect(brief(parts)).toEqual(['L1 第一部分 0:0 关于形势', 'L1 第二部分 2:0 关于任务']);
  });

  it('survives one heading lost from the page (一、 then 三、)', () => {
    const out = buildOutline([
      '一、统一思想',
      '要把思想统一到市委的部署上来。',
      '三、狠抓落实',
      '要一项一项抓到位。',
      '四、加强保障',
    ]);
    expect(out.map((n) => `${n.level}${n.marker}`)).toEqual(['1一', '1三', '1四']);
  });

  it('counts section numbers past ten (十一、 十二、)', () => {
    const nums = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
    const paras = nums.flatMap((n, i) => [`${n}、第${i + 1}项重点任务`, '要细化措施，明确责任，按期完成。']);
    const out = buildOutline(paras);
    expect(out.map((n) => n.marker)).toEqual(nums);
    expect(out.map((n) => n.para)).toEqual(nums.map((_, i) => i * 2));
    expect(out.every((n) => n.level === 1)).toBe(true);
    expect(out[11]?.title).toBe('第12项重点任务');
  });

  it('drops a list a news item quotes from a leader (某某指出，一是要…二是要…)', () => {
    const out = buildOutline([
      '7月20日，县总工会主席到基层调研工会阵地建设情况。',
      '县总工会主席指出，一是要继续加强职工活动阵地建设，满足职工多层次的服务需求。二是要切实发挥工会作用，为职工办实事、解难事。',
    ]);
    expect(out).toEqual([]);
  });

  it('keeps a paragraph-level 一是 list going around an inline 一是 list nested in its first item', () => {
    const out = buildOutline([
      '一、重点任务',
      '一是稳定就业。重点做好两方面工作：一是扩大高校毕业生就业渠道，开发更多基层岗位；二是加强农民工技能培训，提高转移就业质量。',
      '二是增加收入。完善工资合理增长机制，多渠道增加城乡居民财产性收入。',
      '三是兜牢底线。健全分层分类的社会救助体系。',
    ]);
    expect(brief(out)).toEqual([
      'L1 一 0:0 重点任务',
      'L2 一是 1:0 稳定就业',
      'L3 一是 1:17 扩大高校毕业生就业渠道，开发更多基层岗位',
      'L3 二是 1:40 加强农民工技能培训，提高转移就业质量',
      'L2 二是 2:0 增加收入',
      'L2 三是 3:0 兜牢底线',
    ]);
  });

  it('does not let a list run on across a section boundary', () => {
    const out = buildOutline([
      '一、关于学习',
      '一是原原本本学。要逐字逐句读原文、悟原理。',
      '二、关于落实',
      '二是这一条我们已经讲过多次，这里不再重复。',
      '三、关于作风',
    ]);
    expect(brief(out)).toEqual(['L1 一 0:0 关于学习', 'L1 二 2:0 关于落实', 'L1 三 4:0 关于作风']);
  });

  it('ignores markers inside quotation marks and book titles', () => {
    const out = buildOutline([
      '我们要牢记“一要吃饭、二要建设”的要求，认真学习《第一，坚持人民至上》这篇文章。',
      '同时要把“一是抓学习，二是抓落实”的经验推广开来，在全系统形成比学赶超的氛围。',
    ]);
    expect(out).toEqual([]);
  });
});

describe('buildOutline robustness', () => {
  it('returns an empty outline for empty and structureless input', () => {
    expect(buildOutline([])).toEqual([]);
    expect(buildOutline([''])).toEqual([]);
    expect(buildOutline(['同志们：', '今天的会议开得很好，大家要认真抓好落实。'])).toEqual([]);
    expect(buildOutline(['%%%', '\u0000\uffff', ')))((( ', '第', '一', '（', '1.'])).toEqual([]);
  });

  it('does not throw on values that are not strings', () => {
    const junk = [
      null,
      3,
      undefined,
      { a: 1 },
      '第一，正常的标题。',
      '第二，另一个标题。',
    ] as unknown as string[];
    expect(brief(buildOutline(junk))).toEqual(['L1 第一 4:0 正常的标题', 'L1 第二 5:0 另一个标题']);
    expect(buildOutline(null as unknown as string[])).toEqual([]);
  });
});

describe('buildOutline evidence parameters', () => {
  const load = (id: string) => JSON.parse(readFileSync(join(FIXTURES, `${id}.json`), 'utf8')) as Fixture;
  // Each weight carries its own failure class: switched off, the fixture written for that class breaks.
  const cases: Array<[string, Partial<OutlineParams>]> = [
    ['salutation-new-part', { boundaryWeight: 0 }],
    ['school-two-parts', { headingPartWeight: 0 }],
    ['paren-top-without-dun', { headingPartWeight: 0 }],
    ['opening-closing-and-late-zuihou', { closingMaxParas: 1 }],
  ];
  for (const [id, off] of cases) {
    it(`${id} needs ${Object.keys(off).join(', ')}`, () => {
      const fx = load(id);
      expect(buildOutline(fx.paragraphs, DEFAULT_PARAMS)).toEqual(fx.outline);
      expect(buildOutline(fx.paragraphs, { ...DEFAULT_PARAMS, ...off })).not.toEqual(fx.outline);
    });
  }
});

describe('buildOutline on the sample portal speeches (tests/fixtures/portal/pages.json)', () => {
  const PORTAL = join(process.cwd(), 'tests/fixtures/portal');
  interface Page {
    file: string;
    kind: string;
    level1: string[];
    outline: Array<OutlineNode & { marker: string }>;
  }
  const pages = (JSON.parse(readFileSync(join(PORTAL, 'pages.json'), 'utf8')) as Page[]).filter(
    (p) => p.kind === 'speech' || p.kind === 'report',
  );
  /** The body as pages.json defines it: trimmed text of every non-empty <p> inside .TRS_Editor. */
  const body = (file: string) =>
    [
      ...new DOMParser()
        .parseFromString(readFileSync(join(PORTAL, file), 'utf8'), 'text/html')
        .querySelectorAll('.TRS_Editor p'),
    ]
      .map((p) => (p.textContent ?? '').trim())
      .filter((t) => t !== '');
  // pages.json writes markers with their delimiter (一、 1.), the outline without it.
  const bare = (nodes: OutlineNode[]) =>
    nodes.map((n) => `L${n.level} ${n.marker.replace(/[、.．，,]$/u, '')} ${n.para}:${n.offset} ${n.title}`);

  it('has the sample speeches', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });

  for (const page of pages) {
    it(`${page.file}: the outline and level-1 entries pages.json records`, () => {
      const out = buildOutline(body(page.file));
      expect(bare(out)).toEqual(bare(page.outline));
      expect(out.filter((n) => n.level === 1).map((n) => n.title)).toEqual(page.level1);
    });
  }

  it('the long sample speech has all 34 entries, its last section (最后，…) included, then its closing', () => {
    const page = pages.find((p) => p.file.includes('t20210308')) as Page;
    const all = buildOutline(body(page.file));
    const out = all.filter((n) => n.role === undefined);
    expect(out).toHaveLength(34);
    expect(out[33]).toMatchObject({ level: 2, marker: '最后', title: '要以钉钉子精神抓好工作落实' });
    expect(all[all.length - 1]).toMatchObject({ role: 'closing', title: '结束语' });
  });

  it('files the seed speech’s closing paragraph under 结束语, not under the last 三要', () => {
    const page = pages.find((p) => p.file.includes('t20180319')) as Page;
    const paras = body(page.file);
    const out = buildOutline(paras);
    const closingPara = paras.findIndex((p) => p.startsWith('同志们，'));
    const owner = out.filter((n) => n.para <= closingPara).pop();
    expect(owner).toMatchObject({ role: 'closing', title: '结束语', para: closingPara });
  });
});

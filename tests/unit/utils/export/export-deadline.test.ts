import { describe, expect, it } from 'vitest';
import { sentenceAround, suggestDeadline } from '@/utils/export/deadline';

describe('完成时限 suggested from the task sentence', () => {
  it.each([
    ['年底前要完成困难职工档案动态更新。', '2026-12-31', '年底前'],
    ['各区县工会要在三季度完成入会集中行动。', '2026-09-30', '三季度'],
    ['第一季度完成摸底。', '2026-03-31', '第一季度'],
    ['6月底前拿出工作方案。', '2026-06-30', '6月底前'],
    ['十一月底前完成验收。', '2026-11-30', '十一月底前'],
    ['2月底前报送材料。', '2026-02-28', '2月底前'],
    ['9月30日前完成首批申报审核。', '2026-09-30', '9月30日前'],
    ['上半年开展一次专项督查。', '2026-06-30', '上半年'],
    ['下半年组织一次集中要约行动。', '2026-12-31', '下半年'],
    ['年内培训技术工人3000名。', '2026-12-31', '年内'],
    ['明年一季度前建成市级技能实训基地。', '2027-03-31', '一季度'],
    ['力争2028年6月前全面建成。', '2028-06-30', '6月前'],
  ])('%s → %s', (sentence, due, phrase) => {
    expect(suggestDeadline(sentence, '2026-03-12')).toEqual({ due, phrase });
  });

  it('takes the first deadline the sentence names', () => {
    expect(suggestDeadline('三季度完成入会行动，6月底前拿出方案。', '2026-03-12')?.phrase).toBe('三季度');
    expect(suggestDeadline('6月底前拿出方案，三季度完成入会行动。', '2026-03-12')?.phrase).toBe('6月底前');
  });

  it('counts from the year of the speech, and knows leap years', () => {
    expect(suggestDeadline('年底前完成。', '2027-05-01')?.due).toBe('2027-12-31');
    expect(suggestDeadline('2月底前报送。', '2028-01-10')?.due).toBe('2028-02-29');
  });

  it('suggests nothing when the sentence names no time, or an impossible one', () => {
    expect(suggestDeadline('要把职工满意度作为检验工作的根本标准。', '2026-03-12')).toBeNull();
    expect(suggestDeadline('完成率达到92%，覆盖12万人次。', '2026-03-12')).toBeNull();
    expect(suggestDeadline('13月底前完成。', '2026-03-12')).toBeNull();
    expect(suggestDeadline('2月30日前完成。', '2026-03-12')?.due).toBe('2026-02-28');
  });

  it('finds the whole sentence around a highlighted phrase', () => {
    const para = '今年任务很重。年底前要完成困难职工档案动态更新，做到底数清；其余另行安排。';
    const start = para.indexOf('完成困难');
    expect(sentenceAround(para, start, start + 4)).toBe('年底前要完成困难职工档案动态更新，做到底数清；');
    expect(sentenceAround('没有句号的一段', 2, 4)).toBe('没有句号的一段');
  });
});

// The 任务分解表 fields of the key-task list: 牵头单位 / 配合单位 / 责任人 typed in the list are
// stored with the task, survive a backup round trip, and nothing typed is lost; the 完成时限 the task's own
// sentence names is offered as a one-click hint; an overdue task carries ⚠. Texts composed for these tests.
import { options, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TaskList } from '@/components/library/TaskList';
import { exportBackup, importBackup, parseBackup, serializeBackup } from '@/utils/store/backup';
import { getDb, YanduDB } from '@/utils/store/db';
import { taskItems, updateTask } from '@/utils/store/tasks';
import type { Highlight, SpeechRecord } from '@/utils/types';

const SPEECH: SpeechRecord = {
  id: 'example.gov.cn/ldjh/t7.html',
  url: 'http://www.example.gov.cn/ldjh/t7.html',
  title: '在全市职工服务工作推进会上的讲话',
  speaker: '王建国',
  occasion: '全市职工服务工作推进会',
  date: '2026-03-12',
  source: null,
  paragraphs: [
    '同志们：',
    '一、健全帮扶机制',
    '要摸清底数。年底前完成困难职工档案动态更新，做到应帮尽帮。',
    '三季度组织一次专项督查。',
  ],
  contentHash: 'h7',
  outline: [{ level: 1, marker: '一、', title: '健全帮扶机制', para: 1, offset: 0 }],
  firstOpened: 1000,
  lastOpened: 1000,
};

function task(id: string, para: number, exact: string, t: Highlight['task']): Highlight {
  const text = SPEECH.paragraphs[para] as string;
  const start = text.indexOf(exact);
  return {
    id,
    speechId: SPEECH.id,
    category: 'task',
    note: '',
    selector: {
      startPara: para,
      startOffset: start,
      endPara: para,
      endOffset: start + exact.length,
      exact,
      prefix: '',
      suffix: '',
    },
    section: 0,
    task: t,
    created: 1,
    updated: 1,
  };
}

/** Its sentence says 年底前; no date yet. */
const ARCHIVE = task('t-archive', 2, '完成困难职工档案动态更新', { status: 'todo', due: null, progress: '' });
/** Dated, overdue on the test's today (2026-12-03). */
const AUDIT = task('t-audit', 3, '组织一次专项督查', {
  status: 'doing',
  due: '2026-09-30',
  progress: '',
  lead: '市总工会办公室',
});

describe('task units in the store and the backup', () => {
  const opened: YanduDB[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await db.delete();
    }
  });
  const fresh = async (name: string) => {
    const db = new YanduDB(`task-fields-${name}`);
    await db.open();
    opened.push(db);
    return db;
  };

  it('writes 牵头单位 / 配合单位 / 责任人 each as its own field and lists them with the task', async () => {
    const db = await fresh('store');
    await db.highlights.add({ ...AUDIT, task: { status: 'doing', due: null, progress: '已部署' } });
    expect(await updateTask(db, AUDIT.id, 'lead', '市总工会办公室')).toBe(true);
    expect(await updateTask(db, AUDIT.id, 'partners', '各区工会、市财政局')).toBe(true);
    expect(await updateTask(db, AUDIT.id, 'owner', '张主任')).toBe(true);
    expect(await updateTask(db, AUDIT.id, 'owner', 7 as never)).toBe(false);
    const stored = await db.highlights.get(AUDIT.id);
    expect(stored?.task).toEqual({
      status: 'doing',
      due: null,
      progress: '已部署',
      lead: '市总工会办公室',
      partners: '各区工会、市财政局',
      owner: '张主任',
    });
    expect(taskItems([stored as Highlight], [SPEECH])[0]).toMatchObject({
      lead: '市总工会办公室',
      partners: '各区工会、市财政局',
      owner: '张主任',
    });
  });

  it('keeps them through a backup file, into an empty database and over an older copy of the task', async () => {
    const source = await fresh('source');
    const full = {
      ...AUDIT,
      task: { ...(AUDIT.task as NonNullable<Highlight['task']>), partners: '各区工会', owner: '张主任' },
      updated: 50,
    };
    await source.speeches.add(SPEECH);
    await source.highlights.add(full);
    const parsed = parseBackup(serializeBackup(await exportBackup(source)));
    if (!parsed.ok) throw new Error(parsed.reason);

    const empty = await fresh('empty');
    await importBackup(empty, parsed.backup);
    expect((await empty.highlights.get(AUDIT.id))?.task).toEqual(full.task);

    const older = await fresh('older');
    await older.speeches.add(SPEECH);
    await older.highlights.add({ ...AUDIT, task: { status: 'todo', due: null, progress: '' }, updated: 10 });
    await importBackup(older, parsed.backup);
    expect((await older.highlights.get(AUDIT.id))?.task).toEqual(full.task);
  });
});

describe('the task list rows', () => {
  let container: HTMLElement;
  beforeEach(async () => {
    await getDb().speeches.put(SPEECH);
    await getDb().highlights.bulkPut([ARCHIVE, AUDIT]);
    container = document.createElement('div');
    document.body.append(container);
    await act(async () => {
      render(<TaskList db={getDb()} speeches={[SPEECH]} now={new Date(2026, 11, 3)} />, container);
    });
    await vi.waitFor(() => expect(container.querySelectorAll('.yd-task')).toHaveLength(2));
  });
  afterEach(async () => {
    render(null, container);
    container.remove();
    await getDb().delete();
    await getDb().open();
  });

  const row = (id: string) => container.querySelector(`[data-highlight-id="${id}"]`) as HTMLElement;
  const input = (id: string, name: string) =>
    row(id).querySelector(`input[name="${name}"]`) as HTMLInputElement;
  const type = (el: HTMLInputElement, text: string) =>
    act(() => {
      el.dispatchEvent(new Event('focus'));
      el.value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const stored = async (id: string) => (await getDb().highlights.get(id))?.task;

  it('shows the units as stored and saves what is typed when the field is left', async () => {
    expect(input(AUDIT.id, 'lead').value).toBe('市总工会办公室');
    await type(input(AUDIT.id, 'owner'), '李科长');
    await act(() => {
      input(AUDIT.id, 'owner').dispatchEvent(new Event('blur'));
    });
    await vi.waitFor(async () => expect((await stored(AUDIT.id))?.owner).toBe('李科长'));
    expect((await stored(AUDIT.id))?.lead).toBe('市总工会办公室');
    await vi.waitFor(() => expect(row(AUDIT.id).querySelector('.yd-task-saved')?.textContent).toBe('已保存'));
  });

  it('does not lose typing when the row is hidden before the pause is over', async () => {
    // The pause never ends here (its timer is held), so only the row's own flush can save the text.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await type(input(ARCHIVE.id, 'partners'), '市人社局、市民政局');
      // The user filters to 推进中 at once: the row of the 未开始 task goes away mid-pause.
      const doing = [...container.querySelectorAll('.yd-count')].find((b) =>
        b.textContent?.startsWith('推进中'),
      ) as HTMLButtonElement;
      await act(() => doing.click());
      expect(row(ARCHIVE.id)).toBeNull();
      // IndexedDB answers reads after the writes started before them: a few reads let the flush land.
      let partners: string | undefined;
      for (let i = 0; i < 20 && !partners; i++) partners = (await stored(ARCHIVE.id))?.partners;
      expect(partners).toBe('市人社局、市民政局');
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers the 完成时限 the sentence names (年底前) and fills it in one click', async () => {
    const hint = row(ARCHIVE.id).querySelector('.yd-task-due-hint') as HTMLButtonElement;
    expect(hint.textContent).toBe('建议 2026年12月31日（据“年底前”）');
    // A dated task gets no hint: the user's date wins.
    expect(row(AUDIT.id).querySelector('.yd-task-due-hint')).toBeNull();
    await act(() => hint.click());
    await vi.waitFor(async () => expect((await stored(ARCHIVE.id))?.due).toBe('2026-12-31'));
    await vi.waitFor(() => expect(row(ARCHIVE.id).querySelector('.yd-task-due-hint')).toBeNull());
    expect((row(ARCHIVE.id).querySelector('input[type="date"]') as HTMLInputElement).value).toBe(
      '2026-12-31',
    );
  });

  it('flags an overdue task with ⚠ and the days past', () => {
    expect(row(AUDIT.id).querySelector('.yd-badge-overdue')?.textContent).toBe('⚠ 逾期 64 天');
    expect(row(ARCHIVE.id).querySelector('.yd-badge-overdue')).toBeNull();
  });
});

describe('typing before the row has settled', () => {
  const before = options.requestAnimationFrame;
  afterEach(async () => {
    options.requestAnimationFrame = before;
    await getDb().delete();
    await getDb().open();
  });

  it('keeps text typed before the first render’s effects have run (they wait for a paint)', async () => {
    await getDb().speeches.put(SPEECH);
    await getDb().highlights.bulkPut([ARCHIVE, AUDIT]);
    // Preact runs effects after the next paint: held here, so the rows are on the page and typed into while
    // the effects of their first render are still waiting, as on a busy machine.
    const held: (() => void)[] = [];
    options.requestAnimationFrame = (cb) => void held.push(cb);
    const container = document.createElement('div');
    document.body.append(container);
    await act(async () => {
      render(<TaskList db={getDb()} speeches={[SPEECH]} now={new Date(2026, 11, 3)} />, container);
    });
    const box = await vi.waitFor(() => {
      const el = container.querySelector<HTMLInputElement>(
        `[data-highlight-id="${AUDIT.id}"] input[name="owner"]`,
      );
      if (!el) throw new Error('no row yet');
      return el;
    });
    expect(held.length).toBeGreaterThan(0);
    await act(() => {
      box.value = '李科长';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      for (const run of held.splice(0)) run();
    });
    expect(box.value).toBe('李科长');
    render(null, container);
    container.remove();
  });
});

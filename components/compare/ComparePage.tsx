import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { compare } from '@/utils/compare';
import { compareDocx, compareMarkdown } from '@/utils/compare/export';
import { highlightsBySentence, tasksNotCarriedOver } from '@/utils/compare/highlights';
import { compareRows, filterRows, type RowFilter } from '@/utils/compare/rows';
import type { Comparison } from '@/utils/compare/types';
import { DOCX_MIME } from '@/utils/export/docx';
import { downloadBlob, downloadText } from '@/utils/export/download';
import { safeFileNamePart } from '@/utils/export/filename';
import type { YanduDB } from '@/utils/store/db';
import type { Highlight, SpeechRecord } from '@/utils/types';
import { CompareHeader } from './CompareHeader';
import { CompareRows } from './CompareRows';
import './compare.css';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      old: SpeechRecord;
      new: SpeechRecord;
      result: Comparison;
      oldMarks: Map<number, Highlight[]>;
      newMarks: Map<number, Highlight[]>;
      notCarried: Highlight[];
    };

/** A speech's name in titles and file names: its title, and its date when it has one. */
const nameOf = (s: SpeechRecord) => (s.date ? `${s.title}（${s.date}）` : s.title);

async function load(db: YanduDB, oldId: string, newId: string): Promise<State> {
  const [a, b] = await Promise.all([db.speeches.get(oldId), db.speeches.get(newId)]);
  if (!a || !b) return { status: 'error', message: i18n.t('cmpMissing') };
  // A speech stored with an empty outline gets one built, like a text that comes without one.
  const input = (s: SpeechRecord) => ({
    paragraphs: s.paragraphs,
    ...(s.outline?.length ? { outline: s.outline } : {}),
  });
  const [result, oldHl, newHl] = await Promise.all([
    compare(input(a), input(b)),
    db.highlights.where('speechId').equals(oldId).toArray(),
    db.highlights.where('speechId').equals(newId).toArray(),
  ]);
  return {
    status: 'ready',
    old: a,
    new: b,
    result,
    oldMarks: highlightsBySentence(result.oldSentences, oldHl),
    newMarks: highlightsBySentence(result.newSentences, newHl),
    notCarried: tasksNotCarriedOver(result, oldHl),
  };
}

export interface ComparePageProps {
  db: YanduDB;
  oldId: string | null;
  newId: string | null;
}

/** compare.html: two speeches side by side, their differences marked, filtered and exportable. */
export function ComparePage({ db, oldId, newId }: ComparePageProps) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [filter, setFilter] = useState<RowFilter>('all');
  const [current, setCurrent] = useState(-1);

  useEffect(() => {
    if (!oldId || !newId) {
      setState({ status: 'error', message: i18n.t('cmpMissing') });
      return;
    }
    load(db, oldId, newId).then(setState, (e: unknown) =>
      setState({ status: 'error', message: i18n.t('cmpFailed', [String(e)]) }),
    );
  }, [db, oldId, newId]);

  const all = useMemo(() => (state.status === 'ready' ? compareRows(state.result) : []), [state]);
  const rows = useMemo(() => filterRows(all, filter), [all, filter]);
  const changeRows = useMemo(() => rows.flatMap((r, i) => (r.change ? [i] : [])), [rows]);

  // The key handler is attached once and reads the latest rows through a ref: a key pressed right after
  // the first paint already finds the changes.
  const latest = useRef({ changeRows, current });
  latest.current = { changeRows, current };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || (e.target as Element | null)?.closest?.('input,textarea'))
        return;
      const step = e.key === 'j' || e.key === 'n' ? 1 : e.key === 'k' || e.key === 'p' ? -1 : 0;
      const { changeRows: list, current: at } = latest.current;
      if (!step || list.length === 0) return;
      e.preventDefault();
      const i = list.indexOf(at);
      const next =
        i < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, i + step));
      setCurrent(list[next] as number);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    document.querySelector(`[data-row="${current}"]`)?.scrollIntoView?.({ block: 'center' });
  }, [current]);

  if (state.status === 'loading') return <p class="yd-cmp-status">{i18n.t('cmpLoading')}</p>;
  if (state.status === 'error') return <p class="yd-cmp-status yd-cmp-error">{state.message}</p>;

  const meta = { oldTitle: nameOf(state.old), newTitle: nameOf(state.new) };
  const shown = rows.flatMap((r) => (r.change ? [r.change] : []));
  const fileName = (ext: string) =>
    `对照表-${safeFileNamePart(meta.oldTitle, 30)}-${safeFileNamePart(meta.newTitle, 30)}.${ext}`;
  return (
    <div class="yd-cmp">
      <CompareHeader
        {...meta}
        summary={state.result.summary}
        filter={filter}
        onFilter={(f) => {
          setFilter(f);
          setCurrent(-1);
        }}
        position={changeRows.indexOf(current) + 1}
        total={changeRows.length}
        onExportMarkdown={() =>
          downloadText(compareMarkdown(state.result, meta, shown), fileName('md'), 'text/markdown')
        }
        onExportDocx={() =>
          void compareDocx(state.result, meta, shown).then((blob) =>
            downloadBlob(new Blob([blob], { type: DOCX_MIME }), fileName('docx')),
          )
        }
      />
      {state.notCarried.length > 0 ? (
        <section class="yd-cmp-notcarried">
          <h2>{i18n.t('cmpNotCarriedCount', state.notCarried.length, [String(state.notCarried.length)])}</h2>
          <ul>
            {state.notCarried.map((h) => (
              <li key={h.id}>{h.selector.exact}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <CompareRows rows={rows} current={current} oldMarks={state.oldMarks} newMarks={state.newMarks} />
    </div>
  );
}

import { useEffect, useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { compareRows, filterRows, type RowFilter } from '@/utils/compare/rows';
import type { YanduDB } from '@/utils/store/db';
import { CompareHeader } from './CompareHeader';
import { CompareRows } from './CompareRows';
import { type CompareState, loadComparison, nameOf } from './load';
import { useChangeKeys } from './use-change-keys';
import './compare.css';

/**
 * Rows in the first frame: a few screens. The rest (a 20,000-character report has about a thousand rows)
 * follows once that frame is painted, so the first screen is not held up by laying out the whole table.
 */
export const FIRST_ROWS = 120;

export interface ComparePageProps {
  db: YanduDB;
  oldId: string | null;
  newId: string | null;
}

/** compare.html: two speeches side by side, their differences marked, filtered and exportable. */
export function ComparePage({ db, oldId, newId }: ComparePageProps) {
  const [state, setState] = useState<CompareState>({ status: 'loading' });
  const [filter, setFilter] = useState<RowFilter>('all');
  const [whole, setWhole] = useState(false);

  useEffect(() => {
    if (!oldId || !newId) {
      setState({ status: 'error', message: i18n.t('cmpMissing') });
      return;
    }
    loadComparison(db, oldId, newId).then(
      (loaded) => {
        performance.mark('yandu:compare-ready');
        setState(loaded);
      },
      (e: unknown) => setState({ status: 'error', message: i18n.t('cmpFailed', [String(e)]) }),
    );
  }, [db, oldId, newId]);

  const all = useMemo(() => (state.status === 'ready' ? compareRows(state.result) : []), [state]);
  const rows = useMemo(() => filterRows(all, filter), [all, filter]);
  const changeRows = useMemo(() => rows.flatMap((r, i) => (r.change ? [i] : [])), [rows]);
  const [current, setCurrent] = useChangeKeys(changeRows);

  // The rest of the rows once the first frame is painted (or after 100 ms in a tab not being looked at,
  // where frames wait).
  useEffect(() => {
    if (state.status !== 'ready' || whole) return;
    const done = () => setWhole(true);
    const timer = setTimeout(done, 100);
    requestAnimationFrame(() => setTimeout(done, 0));
    return () => clearTimeout(timer);
  }, [state, whole]);

  useEffect(() => {
    document.querySelector(`[data-row="${current}"]`)?.scrollIntoView?.({ block: 'center' });
  }, [current]);

  if (state.status === 'loading') return <p class="yd-cmp-status">{i18n.t('cmpLoading')}</p>;
  if (state.status === 'error') return <p class="yd-cmp-status yd-cmp-error">{state.message}</p>;

  const meta = { oldTitle: nameOf(state.old), newTitle: nameOf(state.new) };
  const exportAs = (format: 'md' | 'docx') => {
    const shown = rows.flatMap((r) => (r.change ? [r.change] : []));
    void import('./export-comparison').then((m) => m.exportComparison(format, state.result, meta, shown));
  };
  // A change picked with the keys beyond the first rows brings the rest in at once.
  const painted = whole || current >= FIRST_ROWS ? rows : rows.slice(0, FIRST_ROWS);
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
        onExportMarkdown={() => exportAs('md')}
        onExportDocx={() => exportAs('docx')}
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
      <CompareRows rows={painted} current={current} oldMarks={state.oldMarks} newMarks={state.newMarks} />
    </div>
  );
}

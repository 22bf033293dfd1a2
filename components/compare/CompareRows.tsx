import { i18n } from '#i18n';
import type { CompareRow } from '@/utils/compare/rows';
import type { Change, DiffPart } from '@/utils/compare/types';
import type { Highlight } from '@/utils/types';

type Marks = ReadonlyMap<number, Highlight[]>;

/** One side of a reworded sentence, the changed words marked (text only: never markup from the page). */
function Marked({ parts, side }: { parts: DiffPart[]; side: 'old' | 'new' }) {
  const skip = side === 'old' ? 'ins' : 'del';
  return (
    <>
      {parts
        .filter((p) => p.op !== skip)
        .map((p, i) =>
          p.op === 'same' ? (
            <span key={i}>{p.text}</span>
          ) : p.op === 'del' ? (
            <del key={i}>{p.text}</del>
          ) : (
            <ins key={i}>{p.text}</ins>
          ),
        )}
    </>
  );
}

const KIND_LABEL: Record<Change['kind'], () => string> = {
  added: () => i18n.t('cmpKindAdded'),
  dropped: () => i18n.t('cmpKindDropped'),
  changed: () => i18n.t('cmpKindChanged'),
  moved: () => i18n.t('cmpKindMoved'),
};

function Side({ row, side, marks }: { row: CompareRow; side: 'old' | 'new'; marks: Marks }) {
  const sentence = side === 'old' ? row.old : row.new;
  if (!sentence) return <td class={`yd-cmp-${side} yd-cmp-empty`} />;
  const parts = row.change?.parts;
  // The reader's highlights on this sentence: underlined in their category's colour, the quotes on hover.
  const mine = marks.get(sentence.idx);
  const cats = [...new Set(mine?.map((h) => h.category))];
  return (
    <td
      class={`yd-cmp-${side}${cats.map((c) => ` yd-cmp-hl yd-cmp-hl-${c}`).join('')}`}
      title={mine?.map((h) => h.selector.exact).join('\n')}
    >
      {parts ? <Marked parts={parts} side={side} /> : sentence.text}
    </td>
  );
}

function Note({ change }: { change: Change | null }) {
  if (!change) return <td class="yd-cmp-note" />;
  return (
    <td class="yd-cmp-note">
      <span class={`yd-cmp-badge yd-cmp-badge-${change.kind}`}>{KIND_LABEL[change.kind]()}</span>
      {change.numbers?.map((n, i) => (
        <span key={i} class="yd-cmp-figure">
          {n.old ?? '—'} → {n.new ?? '—'}
        </span>
      ))}
      {change.kind === 'moved' && change.fromSection ? (
        <span class="yd-cmp-from">{i18n.t('cmpMovedFrom', [change.fromSection])}</span>
      ) : null}
    </td>
  );
}

export interface CompareRowsProps {
  rows: readonly CompareRow[];
  /** Index (into rows) of the change the keys moved to, or -1. */
  current: number;
  /** The reader's highlights per sentence index, of each text. */
  oldMarks?: Marks;
  newMarks?: Marks;
}

/** The two texts side by side, sentence by sentence, under section headings. */
const NONE: Marks = new Map();

export function CompareRows({ rows, current, oldMarks = NONE, newMarks = NONE }: CompareRowsProps) {
  if (rows.length === 0) return <p class="yd-cmp-none">{i18n.t('cmpNoRows')}</p>;
  let section: string | null | undefined;
  const body = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as CompareRow;
    if (row.section !== section) {
      section = row.section;
      body.push(
        <tr key={`s${i}`} class="yd-cmp-section">
          <th colSpan={3}>{section ?? ''}</th>
        </tr>,
      );
    }
    const kind = row.change?.kind ?? 'same';
    body.push(
      <tr
        key={i}
        data-row={i}
        class={`yd-cmp-row yd-cmp-${kind}${i === current ? ' yd-cmp-current' : ''}${row.change?.numbers ? ' yd-cmp-numbers' : ''}`}
      >
        <Side row={row} side="old" marks={oldMarks} />
        <Side row={row} side="new" marks={newMarks} />
        <Note change={row.change} />
      </tr>,
    );
  }
  return (
    <table class="yd-cmp-table">
      <colgroup>
        <col class="yd-cmp-col-text" />
        <col class="yd-cmp-col-text" />
        <col class="yd-cmp-col-note" />
      </colgroup>
      <thead>
        <tr>
          <th>{i18n.t('cmpOld')}</th>
          <th>{i18n.t('cmpNew')}</th>
          <th>{i18n.t('cmpChangeColumn')}</th>
        </tr>
      </thead>
      <tbody>{body}</tbody>
    </table>
  );
}

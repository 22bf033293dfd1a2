import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { DocModel } from '@/utils/export/doc';
import { type MeasuredBlock, paginate, sheetSize } from '@/utils/export/paginate';
import { type PrintBlock, printBlocks } from '@/utils/export/print-blocks';
import { PrintBlockView } from './PrintBlock';

/** Heights of the measuring column's children, margins included (the distance to the next child's top). */
function measure(column: HTMLElement, blocks: readonly PrintBlock[]): MeasuredBlock[] {
  const children = [...column.children] as HTMLElement[];
  const end = column.getBoundingClientRect().bottom;
  return children.map((el, i) => {
    const top = el.getBoundingClientRect().top;
    const next = children[i + 1]?.getBoundingClientRect().top ?? end;
    const b = blocks[i];
    return {
      height: next - top,
      breakBefore: b?.kind === 'title' && b.pageBreakBefore === true,
      keepWithNext: b?.kind === 'heading' || b?.kind === 'title' || b?.kind === 'subtitle',
    };
  });
}

/**
 * A template as printed A4 sheets: the blocks are first laid out in one hidden column of the sheet's width
 * and measured, then dealt onto sheets (utils/export/paginate.ts), each with its page number "— n —" (odd
 * pages right, even pages left, as the 公文 Word file). `onLaidOut` fires once the sheets are on the page.
 */
export function PagedDocument({
  model,
  onLaidOut,
}: {
  model: DocModel;
  onLaidOut?: (pages: number) => void;
}) {
  const [blocks] = useState(() => printBlocks(model));
  const [pages, setPages] = useState<number[][] | null>(null);
  /** Sheets holding a block taller than a sheet: they grow and the printer breaks them (no text is cut). */
  const [long, setLong] = useState<ReadonlySet<number>>(new Set());
  const column = useRef<HTMLDivElement>(null);
  const landscape = model.orientation === 'landscape';

  useLayoutEffect(() => {
    if (pages || !column.current) return;
    const measured = measure(column.current, blocks);
    const height = sheetSize(model.orientation).height;
    const dealt = paginate(measured, height);
    setLong(
      new Set(dealt.flatMap((ix, p) => (ix.some((i) => (measured[i]?.height ?? 0) > height) ? [p] : []))),
    );
    setPages(dealt);
  }, [pages, blocks, model.orientation]);

  useLayoutEffect(() => {
    if (pages) onLaidOut?.(pages.length);
  }, [pages, onLaidOut]);

  if (!pages) {
    return (
      <div class={`yd-print-measure${landscape ? ' is-landscape' : ''}`} aria-hidden="true">
        <div class="yd-print-body" ref={column}>
          {blocks.map((b, i) => (
            <PrintBlockView key={i} block={b} />
          ))}
        </div>
      </div>
    );
  }
  return (
    <div class="yd-print-sheets">
      {pages.map((indexes, p) => (
        <section
          key={p}
          class={`yd-print-sheet${landscape ? ' is-landscape' : ''}${long.has(p) ? ' is-long' : ''}`}
          aria-label={`— ${p + 1} —`}
        >
          <div class="yd-print-body">
            {indexes.map((i) => (
              <PrintBlockView key={i} block={blocks[i] as PrintBlock} />
            ))}
          </div>
          <p class={`yd-print-folio ${p % 2 === 0 ? 'is-odd' : 'is-even'}`}>— {p + 1} —</p>
        </section>
      ))}
    </div>
  );
}

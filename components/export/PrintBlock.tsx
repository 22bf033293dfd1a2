import { CATEGORY_MARKS } from '@/utils/export/doc';
import { PRINT_LABELS, type PrintBlock, type PrintRun } from '@/utils/export/print-blocks';
import type { HighlightCategory } from '@/utils/types';

/** A highlight's shading and underline: the underline style tells the categories apart in black and white. */
export function markStyle(category: HighlightCategory): Record<string, string> {
  const mark = CATEGORY_MARKS[category];
  return {
    backgroundColor: `#${mark.fill}`,
    textDecorationLine: 'underline',
    textDecorationStyle: mark.underline,
  };
}

function Runs({ runs }: { runs: PrintRun[] }) {
  return (
    <>
      {runs.map((r, i) => {
        const text = r.bold ? <strong>{r.text}</strong> : r.text;
        return (
          <span key={i}>
            {r.mark ? (
              <mark class={`yd-print-mark yd-cat-${r.mark}`} style={markStyle(r.mark)}>
                {text}
              </mark>
            ) : (
              text
            )}
            {r.noteNumber ? <sup class="yd-print-noteref">{r.noteNumber}</sup> : null}
          </span>
        );
      })}
    </>
  );
}

/**
 * One block of a template on the print page. Every string from a page or the user is a text node (never
 * markup); the look follows the Word file's (doc.ts, docx-blocks.ts): 小标宋-like title, 仿宋 body.
 */
export function PrintBlockView({ block }: { block: PrintBlock }) {
  switch (block.kind) {
    case 'title':
      return <h1 class="yd-print-title">{block.text}</h1>;
    case 'subtitle':
      return <p class="yd-print-subtitle">{block.text}</p>;
    case 'heading': {
      const H = (['h2', 'h3', 'h4', 'h5'] as const)[block.level - 1] ?? 'h5';
      return <H class={`yd-print-heading yd-print-h${block.level}`}>{block.text}</H>;
    }
    case 'field':
      return (
        <p class="yd-print-field">
          <strong>{block.label}：</strong>
          {block.value}
        </p>
      );
    case 'para':
      return (
        <p class="yd-print-para">
          <Runs runs={block.runs} />
        </p>
      );
    case 'quote':
      return (
        <p class="yd-print-quote">
          <span class="yd-print-quote-no">{block.number}.</span>
          <strong>【{block.label}】</strong>
          {block.text}
          {block.source ? <span class="yd-print-source">（{block.source}）</span> : null}
        </p>
      );
    case 'note':
      return (
        <p class="yd-print-note">
          <strong>{block.label}：</strong>
          {block.text}
        </p>
      );
    case 'legend':
      return (
        <p class="yd-print-legend">
          {block.items.map((it) => (
            <span key={it.category} class="yd-print-legend-item">
              <mark class={`yd-print-mark yd-cat-${it.category}`} style={markStyle(it.category)}>
                {it.name}
              </mark>
            </span>
          ))}
        </p>
      );
    case 'signature':
      return (
        <div class="yd-print-signature">
          {block.lines.map((l, i) => (
            <p key={i}>{l}</p>
          ))}
        </div>
      );
    case 'endnote':
      return (
        <div class="yd-print-endnote">
          {block.first ? <h2 class="yd-print-heading yd-print-h1">{PRINT_LABELS.endnotes}</h2> : null}
          <p>
            <sup>{block.number}</sup> {block.text}
          </p>
        </div>
      );
    case 'table':
      return (
        <table class="yd-print-table">
          <colgroup>
            {block.columns.map((c, i) => (
              <col key={i} style={{ width: `${(c.width * 100).toFixed(2)}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {block.columns.map((c) => (
                <th key={c.title} scope="col">
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r} class={block.flagged?.[r] ? 'is-flagged' : undefined}>
                {row.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

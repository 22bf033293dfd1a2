import { EXPORT_LABELS, type ExportGroup, type ExportSpeech, type StudyExport } from '@/utils/export/model';
import { webHref } from '@/utils/links';

/** Lines of a multi-line text (notes keep their line breaks in print). */
function Lines({ text }: { text: string }) {
  const lines = text.split(/\r\n?|\n/).filter((l) => l.trim() !== '');
  return (
    <>
      {lines.map((l, i) => (
        <span key={i} class="yd-doc-line">
          {l}
        </span>
      ))}
    </>
  );
}

function Group({ g, depth }: { g: ExportGroup; depth: number }) {
  const H = (depth <= 1 ? 'h3' : depth === 2 ? 'h4' : 'h5') as 'h3' | 'h4' | 'h5';
  return (
    <section class={`yd-doc-group yd-doc-${g.kind}`}>
      <H class="yd-doc-heading">{g.heading}</H>
      {g.quotes.map((q) => (
        <div key={q.highlightId} class={`yd-doc-quote yd-cat-${q.category}`}>
          <p class="yd-doc-quote-text">
            <strong class="yd-doc-cat">【{q.categoryName}】</strong>
            <Lines text={q.text} />
          </p>
          {q.note ? (
            <p class="yd-doc-note">
              <strong>{EXPORT_LABELS.note}：</strong>
              <Lines text={q.note} />
            </p>
          ) : null}
        </div>
      ))}
      {g.children.map((c, i) => (
        <Group key={i} g={c} depth={depth + 1} />
      ))}
    </section>
  );
}

function Speech({ s }: { s: ExportSpeech }) {
  const href = webHref(s.url);
  return (
    <article class="yd-doc-speech">
      <h2 class="yd-doc-speech-title">{s.title}</h2>
      <dl class="yd-doc-meta">
        {s.speaker ? <Meta label={EXPORT_LABELS.speaker} value={s.speaker} /> : null}
        {s.occasion ? <Meta label={EXPORT_LABELS.occasion} value={s.occasion} /> : null}
        {s.date ? <Meta label={EXPORT_LABELS.date} value={s.date} /> : null}
        {s.url ? (
          <div>
            <dt>{EXPORT_LABELS.source}</dt>
            <dd>{href ? <a href={href}>{s.url}</a> : s.url}</dd>
          </div>
        ) : null}
      </dl>
      {s.groups.map((g, i) => (
        <Group key={i} g={g} depth={1} />
      ))}
      {s.studyNote ? (
        <section class="yd-doc-study">
          <h3 class="yd-doc-heading">{EXPORT_LABELS.studyNote}</h3>
          {s.studyNote
            .split(/\r\n?|\n/)
            .filter((l) => l.trim() !== '')
            .map((l, i) => (
              <p key={i}>{l}</p>
            ))}
        </section>
      ) : null}
    </article>
  );
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/**
 * The study export laid out as a printable A4 document, built from the model with elements only (every
 * string from a page or the user is a text node).
 */
export function ExportDocument({ model }: { model: StudyExport }) {
  return (
    <div class="yd-doc">
      <header class="yd-doc-head">
        <h1 class="yd-doc-title">{model.title}</h1>
        <p class="yd-doc-date">
          {EXPORT_LABELS.exportedAt}：{model.exportedAt}
        </p>
      </header>
      {model.speeches.map((s) => (
        <Speech key={s.id} s={s} />
      ))}
      {model.tasks ? (
        <section class="yd-doc-tasks">
          <h2 class="yd-doc-speech-title">{EXPORT_LABELS.tasks}</h2>
          {model.tasks.length === 0 ? (
            <p>（暂无重点任务）</p>
          ) : (
            <table>
              {/* The same shares as the .docx table: the task needs room, a date must fit on one line. */}
              <colgroup>
                {['30%', '24%', '10%', '16%', '20%'].map((w, i) => (
                  <col key={i} style={{ width: w }} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  {EXPORT_LABELS.taskColumns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {model.tasks.map((t) => (
                  <tr key={t.highlightId} class={`yd-doc-task-${t.status}`}>
                    <td>{t.task}</td>
                    <td>{t.source}</td>
                    <td>{t.statusName}</td>
                    <td>{t.due ?? EXPORT_LABELS.noDue}</td>
                    <td>{t.progress}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </div>
  );
}

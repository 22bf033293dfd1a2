import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import {
  DIALOG_TEMPLATES,
  type DialogFormat,
  dialogFormats,
  type ExportChoices,
  formatFor,
  parseExportChoices,
  serializeExportChoices,
  studySettings,
} from '@/utils/export/choices';
import type { DocxLayout } from '@/utils/export/gongwen';
import type { ExportFormat } from '@/utils/export/run';
import { copyTemplateText, runTemplateExport } from '@/utils/export/template-run';
import type { TemplateName } from '@/utils/export/templates/names';
import { exportHref } from '@/utils/routes';
import type { YanduDB } from '@/utils/store/db';
import { type LocalStore, pageStorage, readLocal, writeLocal } from '@/utils/store/local';
import type { HighlightCategory } from '@/utils/types';
import { Modal } from '../library/LibraryDialog';
import './export-dialog.css';

/** Labels of the study-export formats (the export page's buttons). */
export function formatLabel(f: ExportFormat | DialogFormat): string {
  switch (f) {
    case 'docx':
      return i18n.t('expDocx');
    case 'markdown':
    case 'md':
      return i18n.t('expMarkdown');
    case 'xlsx':
      return i18n.t('expXlsx');
    case 'csv':
      return i18n.t('expCsv');
    case 'print':
      return i18n.t('expPrint');
    default:
      return i18n.t('expClipboard');
  }
}

export function templateLabel(t: TemplateName): string {
  switch (t) {
    case 'notes':
      return i18n.t('expTplNotes');
    case 'outline-talk':
      return i18n.t('expTplTalk');
    case 'reflection':
      return i18n.t('expTplReflection');
    case 'annotated':
      return i18n.t('expTplAnnotated');
    case 'tasks':
      return i18n.t('expTplTasks');
    default:
      return i18n.t('expTplCompilation');
  }
}

function templateHint(t: TemplateName): string {
  switch (t) {
    case 'notes':
      return i18n.t('expTplNotesHint');
    case 'outline-talk':
      return i18n.t('expTplTalkHint');
    case 'reflection':
      return i18n.t('expTplReflectionHint');
    case 'annotated':
      return i18n.t('expTplAnnotatedHint');
    default:
      return i18n.t('expTplTasksHint');
  }
}

/** Opens the printable export in a new tab (export.html prints it once laid out). */
function openPrintPage(href: string): void {
  globalThis.open?.(href, '_blank', 'noopener');
}

/** One group of radio buttons. */
function Choice<T extends string>({
  legend,
  name,
  options,
  value,
  label,
  hint,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  label: (v: T) => string;
  hint?: (v: T) => string;
  onChange: (v: T) => void;
}) {
  return (
    <fieldset class="yd-export-formats">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o} class="yd-export-format">
          <input type="radio" name={name} value={o} checked={value === o} onChange={() => onChange(o)} />
          <span>{label(o)}</span>
          {hint ? <small class="yd-export-hint">{hint(o)}</small> : null}
        </label>
      ))}
    </fieldset>
  );
}

/** 学习人 / 单位 / 学习时间: printed in the documents' header block. */
function HeaderFields({
  header,
  onChange,
}: {
  header: ExportChoices['header'];
  onChange: (h: ExportChoices['header']) => void;
}) {
  const field = (key: keyof ExportChoices['header'], label: string, placeholder: string) => (
    <label class="yd-export-field">
      <span>{label}</span>
      <input
        type="text"
        name={`yd-export-${key}`}
        value={header[key]}
        placeholder={placeholder}
        onInput={(e) => onChange({ ...header, [key]: (e.currentTarget as HTMLInputElement).value })}
      />
    </label>
  );
  return (
    <fieldset class="yd-export-header">
      <legend>{i18n.t('expHeader')}</legend>
      {field('learner', i18n.t('expLearner'), i18n.t('expLearnerHint'))}
      {field('unit', i18n.t('expUnit'), i18n.t('expUnitHint'))}
      {field('studyTime', i18n.t('expStudyTime'), i18n.t('expStudyTimeHint'))}
    </fieldset>
  );
}

/**
 * 导出 for one speech or the speeches picked: choose the template (学习笔记, 研讨发言提纲, 心得体会, 全文带标注,
 * 任务分解表), the format it supports or its print view, the Word layout (公文 by default) and the header
 * fields. Every choice is remembered as it is made (utils/export/choices.ts).
 */
export function ExportDialog({
  db,
  speechIds,
  onClose,
  openPage = openPrintPage,
  categoryNames,
  store = pageStorage(),
}: {
  db: YanduDB;
  /** The user's category names, written into the document; the built-in Chinese names when absent. */
  categoryNames?: Record<HighlightCategory, string>;
  speechIds: readonly string[];
  onClose: () => void;
  openPage?: (href: string) => void;
  /** Where the choices are remembered (the page's localStorage; injected by tests). */
  store?: LocalStore;
}) {
  const [choices, setChoices] = useState<ExportChoices>(() =>
    parseExportChoices(readLocal('exportChoices', store)),
  );
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  const update = (patch: Partial<ExportChoices>) => {
    const next = { ...choices, ...patch };
    next.format = formatFor(next.template, next.format);
    setChoices(next);
    writeLocal('exportChoices', serializeExportChoices(next), store);
  };

  const run = async () => {
    setMessage(null);
    const { template, format, layout } = choices;
    if (format === 'print') {
      openPage(exportHref({ speechIds, template, format: 'print' }));
      setMessage({ text: i18n.t('expPrintOpened') });
      return;
    }
    setProgress(0);
    try {
      if (format === 'clipboard') {
        const settings = studySettings(choices);
        const count = await copyTemplateText(db, { speechIds, template, settings, categoryNames });
        setMessage({ text: i18n.t('expCopied', [String(count)]) });
        return;
      }
      const fileName = await runTemplateExport(db, {
        speechIds,
        template,
        format,
        layout,
        settings: studySettings(choices),
        categoryNames,
        onProgress: (f) => setProgress(f),
      });
      setMessage({ text: i18n.t('expDownloaded', [fileName]) });
    } catch (e) {
      setMessage({ text: i18n.t('expFailed', [String((e as Error)?.message ?? e)]), error: true });
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <Modal title={i18n.t('expTitle')} onCancel={onClose} labelId="yd-export-title">
      <p class="yd-modal-body">{i18n.t('expSpeeches', speechIds.length, [String(speechIds.length)])}</p>
      <fieldset class="yd-export-choices" disabled={busy}>
        <Choice
          legend={i18n.t('expTemplate')}
          name="yd-export-template"
          options={DIALOG_TEMPLATES}
          value={choices.template}
          label={templateLabel}
          hint={templateHint}
          onChange={(template) => update({ template })}
        />
        <Choice
          legend={i18n.t('expFormat')}
          name="yd-export-format"
          options={dialogFormats(choices.template)}
          value={choices.format}
          label={formatLabel}
          onChange={(format) => update({ format })}
        />
        {choices.format === 'docx' ? (
          <Choice<DocxLayout>
            legend={i18n.t('expLayout')}
            name="yd-export-layout"
            options={['gongwen', 'simple']}
            value={choices.layout}
            label={(l) => (l === 'gongwen' ? i18n.t('expLayoutGongwen') : i18n.t('expLayoutSimple'))}
            onChange={(layout) => update({ layout })}
          />
        ) : null}
        <HeaderFields header={choices.header} onChange={(header) => update({ header })} />
      </fieldset>
      {busy ? (
        <div class="yd-export-progress">
          <span>{i18n.t('expWorking')}</span>
          <progress max={100} value={Math.round((progress ?? 0) * 100)} aria-label={i18n.t('expWorking')} />
        </div>
      ) : null}
      {message ? (
        <p
          class={`yd-export-message${message.error ? ' is-error' : ''}`}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
      <div class="yd-modal-actions">
        <button type="button" class="yd-btn" onClick={onClose}>
          {i18n.t('expClose')}
        </button>
        <button type="button" class="yd-btn yd-btn-primary" disabled={busy} onClick={() => void run()}>
          {i18n.t('expRun')}
        </button>
      </div>
    </Modal>
  );
}

import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { readBackupSettings } from '@/utils/backup-state';
import {
  highlightCategoriesItem,
  loadCategorySettings,
  normalizeCategorySettings,
  normalizeReaderSettings,
  saveReaderSettings,
} from '@/utils/settings';
import {
  applyRestore,
  type BackupFile,
  type BackupSettings,
  type ImportSummary,
  parseBackup,
  previewRestore,
  type RestorePreview,
  replacesAnything,
  type SkippedRecord,
} from '@/utils/store/backup';
import { type LocalRestore, previewLocalItems, restoreLocalItems } from '@/utils/store/backup/local-items';
import { mirrorLocalItems } from '@/utils/store/backup/local-mirror';
import type { YanduDB } from '@/utils/store/db';
import { failureText } from '@/utils/store/errors';
import { AutoBackupOption } from './AutoBackupOption';
import { downloadBackupNow } from './backup-actions';

/**
 * 备份 (everything, with category names/colours and reading settings, as one JSON file) and 恢复 (merge a
 * backup file in). A damaged file changes nothing and says why; records that do not fit are skipped and
 * listed; when the file would change anything already in the library, a preview per speech is shown first
 * and nothing is written until the user confirms. Below: when the last backup was made, and 自动备份.
 */

/** Settings live in extension storage: read there and handed to the store as plain data (backup.ts). */
const readSettings = readBackupSettings;

async function writeSettings(settings: BackupSettings): Promise<void> {
  if (settings.categories) {
    const current = await loadCategorySettings();
    await highlightCategoriesItem().setValue(
      normalizeCategorySettings({ ...current, ...settings.categories }),
    );
  }
  if (settings.reader) await saveReaderSettings(normalizeReaderSettings(settings.reader));
}

/** Whether restoring `settings` would change what is stored now. */
async function settingsDiffer(settings: BackupSettings | undefined): Promise<boolean> {
  if (!settings) return false;
  const now = await readSettings();
  const categories = normalizeCategorySettings({ ...now.categories, ...settings.categories });
  const reader = settings.reader ? normalizeReaderSettings(settings.reader) : now.reader;
  return JSON.stringify({ categories, reader }) !== JSON.stringify(now);
}

type Pending = {
  parsed: { backup: BackupFile; skipped: SkippedRecord[] };
  preview: RestorePreview;
  settings: boolean;
  /** What the reading positions and the 专题汇编 would become (local-items.ts). */
  local: LocalRestore;
};

/** The message after a restore: the counts, then the reading positions and 专题汇编 when they came back. */
function mergedText(summary: ImportSummary, local: LocalRestore): string {
  const { speeches: s, highlights: h, notes: n } = summary;
  const parts = [
    i18n.t('bakMerged', [
      String(s.added),
      String(s.updated),
      String(h.added),
      String(h.updated),
      String(n.added),
      String(n.updated),
    ]),
  ];
  if (local.positions > 0) parts.push(i18n.t('bakMergedPositions', [String(local.positions)]));
  if (local.compilation === 'taken' || local.compilation === 'replaced')
    parts.push(i18n.t('bakMergedCompilation'));
  // Chinese sentences end in 。 and follow on without a space; English ones need one.
  return parts.reduce((text, part) => `${text}${/[。！？]$/.test(text) ? '' : ' '}${part}`);
}

export function BackupPanel({ db, onRestored }: { db: YanduDB; onRestored: () => void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [skipped, setSkipped] = useState<SkippedRecord[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (e) {
      setMessage({ text: failureText(e), error: true });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const backup = () =>
    run(async () => {
      setMessage({ text: i18n.t('bakSaved', [await downloadBackupNow(db)]) });
    });

  const apply = async (parsed: Pending['parsed'], withSettings: boolean) => {
    const result = await applyRestore(db, parsed);
    if (!result.ok) {
      setMessage({ text: i18n.t('bakRefused', [result.reason]), error: true });
      return;
    }
    if (withSettings && result.settings) await writeSettings(result.settings);
    const local = restoreLocalItems(result.local);
    void mirrorLocalItems();
    setSkipped(result.skipped);
    setMessage({ text: mergedText(result.summary, local) });
    onRestored();
  };

  const restore = (file: File) =>
    run(async () => {
      setPending(null);
      setSkipped([]);
      const parsed = parseBackup(await file.text());
      if (!parsed.ok) {
        setMessage({ text: i18n.t('bakRefused', [parsed.reason]), error: true });
        return;
      }
      const preview = await previewRestore(db, parsed);
      const settings = await settingsDiffer(preview.settings);
      const local = previewLocalItems(preview.local);
      // Only additions: nothing of the library changes, so there is nothing to confirm.
      const replaces = replacesAnything(preview) || settings || local.compilation === 'replaced';
      if (!replaces) return apply(parsed, true);
      setPending({ parsed, preview, settings, local });
    });

  const confirm = () =>
    run(async () => {
      if (!pending) return;
      setPending(null);
      await apply(pending.parsed, pending.settings);
    });

  const cancel = () => {
    setPending(null);
    setMessage({ text: i18n.t('bakCancelled') });
  };

  return (
    <div class="yd-backup">
      <button type="button" class="yd-btn" title={i18n.t('bakBackupTitle')} disabled={busy} onClick={backup}>
        {i18n.t('bakBackup')}
      </button>
      <label class={`yd-btn${busy ? ' is-disabled' : ''}`} title={i18n.t('bakRestoreTitle')}>
        {i18n.t('bakRestore')}
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          class="yd-visually-hidden"
          disabled={busy}
          onChange={(e) => {
            const file = (e.currentTarget as HTMLInputElement).files?.[0];
            if (file) void restore(file);
          }}
        />
      </label>
      {busy ? <span class="yd-backup-busy">{i18n.t('bakWorking')}</span> : null}
      {pending ? (
        <RestorePreviewView pending={pending} busy={busy} onConfirm={confirm} onCancel={cancel} />
      ) : null}
      {message ? (
        <p
          class={`yd-backup-message${message.error ? ' is-error' : ''}`}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
      {skipped.length > 0 ? <SkippedList skipped={skipped} /> : null}
      <AutoBackupOption />
    </div>
  );
}

/** The panel is a wrapping flex row (library.css): the preview and the list take a row of their own. */
const FULL_ROW = { flexBasis: '100%' };

const CHANGE_LABEL = {
  new: () => i18n.t('bakPreviewNew'),
  updated: () => i18n.t('bakPreviewUpdated'),
  conflicting: () => i18n.t('bakPreviewConflicting'),
  unchanged: () => i18n.t('bakPreviewUnchanged'),
};

/** What the restore will do, per speech that changes; nothing is written before 确认恢复. */
function RestorePreviewView(props: {
  pending: Pending;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { preview, settings, local } = props.pending;
  const changing = preview.speeches.filter((s) => s.change !== 'unchanged');
  const count = (c: keyof typeof CHANGE_LABEL) => String(changing.filter((s) => s.change === c).length);
  return (
    <section class="yd-backup-preview" style={FULL_ROW} role="dialog" aria-label={i18n.t('bakPreviewTitle')}>
      <h3>{i18n.t('bakPreviewTitle')}</h3>
      <p>{i18n.t('bakPreviewCounts', [count('new'), count('updated'), count('conflicting')])}</p>
      <ul>
        {changing.map((s) => (
          <li key={s.id} data-change={s.change}>
            <strong>{CHANGE_LABEL[s.change]()}</strong> {s.title || i18n.t('bakUntitled')}
            {s.highlightsAdded + s.highlightsUpdated > 0 ? (
              <span>
                {' '}
                · {i18n.t('bakPreviewDetail', [String(s.highlightsAdded), String(s.highlightsUpdated)])}
              </span>
            ) : null}
            {s.textKept ? <span> · {i18n.t('bakPreviewTextKept')}</span> : null}
            {s.notesJoined > 0 ? (
              <span> · {i18n.t('bakPreviewNotesJoined', [String(s.notesJoined)])}</span>
            ) : null}
          </li>
        ))}
      </ul>
      {settings ? <p>{i18n.t('bakPreviewSettings')}</p> : null}
      {local.positions > 0 ? <p>{i18n.t('bakPreviewPositions', [String(local.positions)])}</p> : null}
      {local.compilation === 'taken' || local.compilation === 'replaced' ? (
        <p>
          {local.compilation === 'taken'
            ? i18n.t('bakPreviewCompilationTaken')
            : i18n.t('bakPreviewCompilationReplaced')}
        </p>
      ) : null}
      {preview.skipped.length > 0 ? <SkippedList skipped={preview.skipped} /> : null}
      <button type="button" class="yd-btn yd-btn-primary" disabled={props.busy} onClick={props.onConfirm}>
        {i18n.t('bakConfirm')}
      </button>
      <button type="button" class="yd-btn" disabled={props.busy} onClick={props.onCancel}>
        {i18n.t('bakCancel')}
      </button>
    </section>
  );
}

function SkippedList({ skipped }: { skipped: SkippedRecord[] }) {
  return (
    <div class="yd-backup-skipped" style={FULL_ROW}>
      <p>{i18n.t('bakSkippedTitle', [String(skipped.length)])}</p>
      <ul>
        {skipped.slice(0, 200).map((s) => (
          <li key={`${s.table}-${s.index}`}>{i18n.t('bakSkippedItem', [s.what, s.why])}</li>
        ))}
      </ul>
    </div>
  );
}

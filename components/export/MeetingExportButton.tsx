import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { YanduDB } from '@/utils/store/db';
import type { HighlightCategory } from '@/utils/types';
import { ExportDialog } from './ExportDialog';

/**
 * The way from the study export page (reached from the reader's 导出) to the meeting templates: 学习笔记 in 公文
 * 版式, 研讨发言提纲, 心得体会, 全文带标注, 任务分解表 — the same dialog the library opens.
 */
export function MeetingExportButton({
  db,
  speechIds,
  categoryNames,
  disabled,
}: {
  db: YanduDB;
  speechIds: readonly string[];
  categoryNames?: Record<HighlightCategory, string>;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        class="yd-btn"
        data-action="meeting-templates"
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {i18n.t('expMeetingTemplates')}
      </button>
      {open ? (
        <ExportDialog
          db={db}
          speechIds={speechIds}
          categoryNames={categoryNames}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

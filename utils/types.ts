/**
 * Yandu's data model, in one place. Data flows one way:
 * page -> Detection -> Speech -> OutlineNode[] -> reader -> Highlight -> database -> library/export.
 */

/** Result of looking at a page: is it a leader's speech (or work report) worth re-rendering? */
export interface Detection {
  isSpeech: boolean;
  /** 0..1; isSpeech is confidence >= 0.5. */
  confidence: number;
  /** Short machine-readable reasons, e.g. "breadcrumb:领导讲话", "title:在…上的讲话", "news:出席并讲话". */
  reasons: string[];
}

/** One entry of the auto-generated outline. `para`/`offset` locate the marker in `Speech.paragraphs`. */
export interface OutlineNode {
  level: 1 | 2 | 3;
  /** The enumerator as written, without trailing punctuation: 第一, 一要, 一是, （一）, 1. */
  marker: string;
  /** Text after the marker up to the first 。；！？ (or the next sibling marker, or the paragraph end). */
  title: string;
  para: number;
  offset: number;
  /**
   * Set only on the two unnumbered parts a speech may have around its numbered sections: the opening before
   * the first level-1 section (开头) and the closing after the last one (结束语: 同志们，… calls to action,
   * 谢谢大家). Such a node has level 1, marker '', offset 0, `para` = the part's first paragraph, and its title is
   * the part's name; consumers show it like any section. Absent on enumeration nodes.
   */
  role?: 'opening' | 'closing';
  /** A heading the user made from a phrase of the text (see utils/outline/corrections.ts). */
  user?: true;
}

/** What an outline edit remembers of the entry it changes, to find it again in a newer automatic outline. */
export interface OutlineNodeRef {
  marker: string;
  title: string;
  para: number;
  offset: number;
}

/** One correction of the automatic outline by the user, stored with the speech in the order made. */
export type OutlineEdit =
  | { op: 'level'; target: OutlineNodeRef; level: 1 | 2 | 3 }
  | { op: 'remove'; target: OutlineNodeRef }
  | {
      op: 'add';
      /** The phrase made a heading: where it was, its text and the text just before it. */
      at: { para: number; offset: number; exact: string; prefix: string };
      level: 1 | 2 | 3;
      title: string;
    };

/** The speech as extracted from a page: clean text paragraphs plus what the page says about it. */
export interface Speech {
  url: string;
  title: string;
  /** null when the page does not say; never guessed. */
  speaker: string | null;
  occasion: string | null;
  /** YYYY-MM-DD */
  date: string | null;
  source: string | null;
  paragraphs: string[];
  /** Stable hash of the paragraphs, used to notice when the page changed. */
  contentHash: string;
  /** URLs of further pages when the article is split into t…_1.html, t…_2.html. */
  pages?: string[];
  /** How the body was found: the TRS fast path or the Readability fallback. */
  via?: 'trs' | 'readability' | 'none';
}

export interface SpeechWithOutline extends Speech {
  outline: OutlineNode[];
}

/** A speech as stored in the library (offline copy included). Primary key: id (derived from the URL). */
export interface SpeechRecord extends Speech {
  id: string;
  outline: OutlineNode[];
  /** epoch ms */
  firstOpened: number;
  lastOpened: number;
  /** Set when the page's text differed from the stored copy: when that was seen (epoch ms). */
  changedAt?: number;
  /** contentHash of the copy that was replaced then (kept in speechVersions). */
  previousHash?: string;
  /**
   * The user's corrections of the automatic outline, applied again whenever the outline is rebuilt; `outline`
   * above is always the corrected one, so every reader of the record (notes, tasks, exports) sees it.
   */
  outlineEdits?: OutlineEdit[];
  /** The outline the engine built, kept beside the corrected one so 恢复自动提纲 needs no page. */
  autoOutline?: OutlineNode[];
}

/** An earlier copy of a speech's text, kept when the page changed so old highlights can be seen in place. */
export interface SpeechVersion {
  /** `${speechId}@${contentHash}` */
  id: string;
  speechId: string;
  contentHash: string;
  title: string;
  paragraphs: string[];
  outline: OutlineNode[];
  /** epoch ms when it was replaced by a newer text */
  archived: number;
}

/** Text being typed (a highlight's note or the 学习心得), saved as you type so a reload loses nothing. */
export interface Draft {
  /** `highlight:<id>` or `studyNote:<speechId>` */
  id: string;
  text: string;
  updated: number;
}

/**
 * Built-in highlight categories, in the order the toolbar shows them: 重点任务 (key task) first, then
 * 重要论述, 数据, 疑问. Names and colours shown to the user come from settings; the id is what is stored.
 */
export const HIGHLIGHT_CATEGORIES = ['task', 'thesis', 'data', 'question'] as const;
export type HighlightCategory = (typeof HIGHLIGHT_CATEGORIES)[number];

/** Follow-up of a 重点任务 highlight in the key-task list (重点任务清单). */
export type TaskStatus = 'todo' | 'doing' | 'done';
export interface TaskFollowUp {
  status: TaskStatus;
  /** YYYY-MM-DD or null */
  due: string | null;
  /** 落实情况: how the task is being carried out. */
  progress: string;
}

/** The follow-up a highlight gets when it becomes a 重点任务 (and what a damaged one is repaired to). */
export function newTask(): TaskFollowUp {
  return { status: 'todo', due: null, progress: '' };
}

/** Where a highlight sits in the speech text (Hypothesis-style TextPosition + TextQuote). */
export interface TextSelector {
  /** Paragraph index and character offsets within the start/end paragraphs. */
  startPara: number;
  startOffset: number;
  endPara: number;
  endOffset: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Highlight {
  id: string;
  speechId: string;
  category: HighlightCategory;
  note: string;
  selector: TextSelector;
  /** Index into the speech's outline of the section it falls in, or -1 before the first section. */
  section: number;
  /** Only for category 'task': its follow-up in the key-task list. */
  task?: TaskFollowUp;
  /** epoch ms */
  created: number;
  updated: number;
}

/** Where a stored highlight was found in the current text of its speech (computed, never stored). */
export type Anchoring =
  | {
      placed: true;
      selector: TextSelector;
      how: 'position' | 'quote' | 'fuzzy';
      /**
       * Found away from its stored position in a context that only half agrees with the stored one: shown,
       * but its new place is not written back, so a short-lived page edit cannot move a highlight for good.
       */
      weakContext?: true;
    }
  | { placed: false; reason: string };

/** The one free note on a speech (学习心得); id = speechId. */
export interface Note {
  id: string;
  speechId: string;
  text: string;
  created: number;
  updated: number;
}

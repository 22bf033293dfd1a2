/**
 * Everything for highlights and notes that the first paint of the text does not need: anchoring, painting,
 * the selection toolbar, the editor and the notes column. HighlightLayer loads it with the database code,
 * after the text is on screen, so none of it delays opening the reader.
 */
export { makeHighlight, placeHighlights } from '@/utils/anchoring/placement';
export { selectorFromRange } from '@/utils/anchoring/text-range';
export { createPainter } from '@/utils/reader/paint';
export { StudyNote } from '../reader/StudyNote';
export { HighlightEditor } from './HighlightEditor';
export { HighlightToolbar } from './HighlightToolbar';
export { NotesPanel } from './NotesPanel';

/**
 * Everything for highlights and notes that the first paint of the text does not need: anchoring, painting,
 * the selection toolbar, the editor and the notes column. HighlightLayer loads it with the database code,
 * after the text is on screen, so none of it delays opening the reader.
 */
export { makeHighlight, placeHighlights } from '@/utils/highlights';
export { createPainter } from '@/utils/paint';
export { selectorFromRange } from '@/utils/text-range';
export { HighlightEditor } from './HighlightEditor';
export { HighlightToolbar } from './HighlightToolbar';
export { NotesPanel } from './NotesPanel';
export { StudyNote } from './StudyNote';

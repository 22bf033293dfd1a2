/**
 * 研讨发言提纲 (the outline of each speech with only the user's own notes under it, to speak from) and
 * 心得体会 (the 学习心得 as a document with a title and 署名).
 */
import { cnDate, type DocBlock, type DocModel } from '../doc';
import { localDate, oneLine } from '../model';
import { BLANK, nodeHeading, nodeLevel, speechViews, type TemplateInput } from './common';

export const TALK_LABELS = {
  talkTitle: '研讨发言提纲',
  reflectionTitle: '学习心得体会',
  noNote: '（尚无心得）',
} as const;

export function outlineTalkTemplate(input: TemplateInput): DocModel {
  const blocks: DocBlock[] = [{ kind: 'title', text: TALK_LABELS.talkTitle }];
  const who = [input.settings?.unit, input.settings?.learner].map((v) => oneLine(v ?? '')).filter(Boolean);
  if (who.length > 0) blocks.push({ kind: 'subtitle', text: who.join('　') });
  for (const view of speechViews(input)) {
    blocks.push({ kind: 'heading', level: 1, text: `学习《${view.title}》` });
    for (const sec of view.sections) {
      if (!sec.node) continue;
      blocks.push({
        kind: 'heading',
        level: Math.min(4, nodeLevel(sec.node) + 1) as 2 | 3 | 4,
        text: nodeHeading(sec.node),
      });
      for (const q of sec.highlights) {
        const note = q.noteDraft ?? String(q.h.note ?? '').trim();
        for (const line of note.split(/\r\n?|\n/)) {
          if (line.trim()) blocks.push({ kind: 'para', runs: [{ text: line.trim() }] });
        }
      }
    }
  }
  return { title: TALK_LABELS.talkTitle, orientation: 'portrait', blocks };
}

export function reflectionTemplate(input: TemplateInput): DocModel {
  const views = speechViews(input);
  const title = views.length === 1 ? `学习《${views[0]?.title}》心得体会` : TALK_LABELS.reflectionTitle;
  const signer = [input.settings?.unit, input.settings?.learner].map((v) => oneLine(v ?? '')).filter(Boolean);
  const blocks: DocBlock[] = [
    { kind: 'title', text: title },
    { kind: 'subtitle', text: signer.length > 0 ? signer.join('　') : BLANK },
  ];
  for (const view of views) {
    if (views.length > 1) blocks.push({ kind: 'heading', level: 1, text: `学习《${view.title}》` });
    const lines = (view.studyNote?.text ?? '').split(/\r\n?|\n/).filter((l) => l.trim());
    if (lines.length === 0) blocks.push({ kind: 'para', runs: [{ text: TALK_LABELS.noNote }] });
    for (const line of lines) blocks.push({ kind: 'para', runs: [{ text: line.trim() }] });
  }
  blocks.push({
    kind: 'signature',
    lines: [...(signer.length > 0 ? [signer.join('　')] : []), cnDate(localDate(input.exportedAt))],
  });
  return { title, orientation: 'portrait', blocks };
}

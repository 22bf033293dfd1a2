/**
 * Template names, titles and the formats each is written in, without the templates themselves: the export
 * dialog and the print page read these, and the template code loads only when a file is made.
 */

export type TemplateName = 'notes' | 'outline-talk' | 'reflection' | 'annotated' | 'tasks' | 'compilation';
export const TEMPLATE_NAMES: readonly TemplateName[] = [
  'notes',
  'outline-talk',
  'reflection',
  'annotated',
  'tasks',
  'compilation',
];
export type TemplateFormat = 'docx' | 'xlsx' | 'csv' | 'md';

/** The document titles (Chinese whatever the browser's language: the files are read at a Chinese meeting). */
export const TEMPLATE_TITLES: Record<TemplateName, string> = {
  notes: '学习笔记',
  'outline-talk': '研讨发言提纲',
  reflection: '心得体会',
  annotated: '全文带标注',
  tasks: '任务分解表',
  compilation: '专题汇编',
};

export function templateFormats(name: TemplateName): readonly TemplateFormat[] {
  return name === 'tasks' ? ['docx', 'xlsx', 'csv', 'md'] : ['docx', 'md'];
}

export function isTemplateName(value: unknown): value is TemplateName {
  return typeof value === 'string' && (TEMPLATE_NAMES as readonly string[]).includes(value);
}

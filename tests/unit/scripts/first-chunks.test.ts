/**
 * The reader's shared first imports are grouped into a few chunks (scripts/first-chunks.ts) without making the
 * lean pages (library, meeting, popup) load a module they do not import, and without pulling lazy code into
 * the reader's first wave. A small module graph stands in for the pages' build.
 */
import { describe, expect, it } from 'vitest';
import { firstChunkGroups, type ModuleGraph, planFirstChunks } from '@/scripts/first-chunks';

const graph = (edges: Record<string, { s?: string[]; d?: string[] }>): ModuleGraph => ({
  getModuleInfo: (id) =>
    id in edges ? { importedIds: edges[id]?.s ?? [], dynamicallyImportedIds: edges[id]?.d ?? [] } : null,
});

// reader → view (its own), preact (everyone), settings (library too), outline (compare), helper (meeting too)
// and highlights lazily; library → preact, settings, helper, and lazily backup, which imports ids (the reader's).
const pages = [
  { name: 'reader', id: 'reader.html' },
  { name: 'library', id: 'library.html' },
  { name: 'meeting', id: 'meeting.html' },
  { name: 'popup', id: 'popup.html' },
  { name: 'compare', id: 'compare.html' },
];
const modules = graph({
  'reader.html': { s: ['view', 'preact', 'settings', 'outline', 'helper', 'ids'], d: ['highlights'] },
  highlights: { s: ['dexie', 'view'] },
  settings: { s: ['preact'] },
  'library.html': { s: ['preact', 'settings', 'helper'], d: ['backup'] },
  backup: { s: ['ids', 'dexie'] },
  'meeting.html': { s: ['helper'] },
  'popup.html': { s: ['preact'] },
  'compare.html': { s: ['outline', 'preact', 'docx'] },
});

describe('planFirstChunks', () => {
  const plan = planFirstChunks(modules, pages);

  it('names a shared first import by the lean pages that also load it up front', () => {
    expect(plan.get('preact')).toBe('first-library-popup');
    expect(plan.get('settings')).toBe('first-library');
    expect(plan.get('helper')).toBe('first-library-meeting');
  });

  it('puts what only heavier pages or lazy chunks share into reader-first', () => {
    expect(plan.get('outline')).toBe('reader-first');
    expect(plan.get('ids')).toBe('reader-first');
  });

  it('leaves the reader-only code, lazy code and other pages’ code to the automatic chunks', () => {
    for (const id of ['reader.html', 'view', 'highlights', 'dexie', 'docx', 'backup']) {
      expect(plan.has(id), id).toBe(false);
    }
  });

  it('plans nothing for a build without the reader', () => {
    expect(planFirstChunks(modules, pages.slice(1)).size).toBe(0);
  });
});

describe('firstChunkGroups', () => {
  it('lets a group of more pages take its modules first (a group also takes its modules’ imports)', () => {
    const groups = firstChunkGroups(pages);
    const priority = (name: string) => groups.find((g) => g.debugName === name)?.priority;
    expect(priority('first-library-popup')).toBeGreaterThan(priority('first-library') ?? 99);
    expect(priority('first-library')).toBeGreaterThan(priority('reader-first') ?? 99);
    const settings = groups.map((g) => g.name('settings', modules)).filter(Boolean);
    expect(settings).toEqual(['first-library']);
  });
});

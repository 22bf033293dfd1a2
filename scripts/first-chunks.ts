/**
 * Chunk groups for the extension pages' build (wired in wxt.config.ts). By default rolldown gives every set of
 * pages that share modules its own chunk, so reader.html's head started 14 requests (11 of them modulepreloads of
 * 0.1–17 KB chunks) where a page with one script starts 2, and the commit of the page grew with them
 * (bench/README.md, "Reader, 2026-12-03"). Here the modules the reader imports statically and shares with other
 * pages are put into a few chunks instead, named by which of the lean pages (library, meeting, popup) also
 * import them statically: those pages then load exactly the code they loaded before, in fewer files. What the
 * reader shares only with the heavier pages (compare, compilation, export) or with lazy chunks goes into
 * `reader-first`. Modules no page shares with the reader keep rolldown's automatic chunks, so lazy code (Dexie
 * for the highlights, the export libraries) stays lazy.
 */

/** The part of rolldown's ModuleInfo read here. */
export interface ModuleGraph {
  getModuleInfo(
    id: string,
  ): { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null;
}

/** A page of the build: its name (`reader`) and its module id (the absolute path of its index.html). */
export interface PageEntry {
  name: string;
  id: string;
}

export const GROUPED_PAGE = 'reader';
export const LEAN_PAGES = ['library', 'meeting', 'popup'] as const;

/** Every module `entry` reaches through static imports (and, with `dynamic`, through dynamic ones too). */
export function reachable(graph: ModuleGraph, entry: string, dynamic = false): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const info = graph.getModuleInfo(id);
    if (!info) continue;
    todo.push(...info.importedIds);
    if (dynamic) todo.push(...info.dynamicallyImportedIds);
  }
  return seen;
}

/**
 * Chunk name per module: `first-<lean pages>` or `reader-first` for a module the reader imports statically and
 * another page also reaches; nothing for the rest (automatic chunking).
 */
export function planFirstChunks(graph: ModuleGraph, pages: readonly PageEntry[]): Map<string, string> {
  const plan = new Map<string, string>();
  const grouped = pages.find((p) => p.name === GROUPED_PAGE);
  if (!grouped) return plan;
  const others = pages.filter((p) => p !== grouped).map((p) => reachable(graph, p.id, true));
  const lean = LEAN_PAGES.map((name) => {
    const page = pages.find((p) => p.name === name);
    return { name, imports: page ? reachable(graph, page.id) : new Set<string>() };
  });
  for (const id of reachable(graph, grouped.id)) {
    if (id === grouped.id || !others.some((reach) => reach.has(id))) continue;
    const sharers = lean.filter((page) => page.imports.has(id)).map((page) => page.name);
    plan.set(id, sharers.length ? `first-${sharers.join('-')}` : 'reader-first');
  }
  return plan;
}

/**
 * rolldown `codeSplitting.groups`: one group per possible name. A module's static imports are needed by every
 * page that needs the module, so they belong to a name with as many lean pages or more; higher priority for
 * more pages lets those groups take their modules first (a group also takes its modules' imports).
 */
export function firstChunkGroups(pages: readonly PageEntry[]) {
  let plan: Map<string, string> | undefined;
  const nameOf = (id: string, ctx: ModuleGraph) => {
    plan ??= planFirstChunks(ctx, pages);
    return plan.get(id);
  };
  const subsets = LEAN_PAGES.reduce<string[][]>(
    (all, page) => all.concat(all.map((subset) => [...subset, page])),
    [[]],
  );
  return subsets.map((subset) => {
    const name = subset.length ? `first-${subset.join('-')}` : 'reader-first';
    return {
      name: (id: string, ctx: ModuleGraph) => (nameOf(id, ctx) === name ? name : null),
      debugName: name,
      priority: subset.length + 1,
    };
  });
}

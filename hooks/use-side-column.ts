import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useMediaQuery } from './use-media-query';

/** Below this width the outline is a drawer opened from the toolbar (matches components/reader/reader.css). */
export const NARROW_QUERY = '(max-width: 899px)';

export type SideTab = 'outline' | 'notes';

/**
 * The side column: the outline (with a 批注 tab), or the notes when asked for; on a narrow window a drawer
 * opened from the toolbar. It never appears on its own after the text is painted: the text must not jump
 * sideways when the highlights arrive. `outlineFirst`: the tab shown first (the speech came with an outline).
 */
export function useSideColumn(hasOutline: boolean, outlineFirst = hasOutline) {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [sideTab, setSideTab] = useState<SideTab>(outlineFirst ? 'outline' : 'notes');
  const [notesWanted, setNotesWanted] = useState(false);
  const narrow = useMediaQuery(NARROW_QUERY);
  const outlineButton = useRef<HTMLButtonElement>(null);
  const notesButton = useRef<HTMLButtonElement>(null);
  const hasSide = hasOutline || notesWanted;
  const tab: SideTab = hasOutline ? sideTab : 'notes';

  const closeDrawer = useCallback(
    (returnFocus: boolean) => {
      setDrawerOpen(false);
      if (returnFocus) (tab === 'notes' ? notesButton : outlineButton).current?.focus();
    },
    [tab],
  );

  // Opening the drawer moves focus into it (onto the section being read), so keyboard users land there.
  useEffect(() => {
    if (!drawerOpen || !narrow) return;
    const entry =
      document.querySelector<HTMLElement>('#yd-outline .yd-ol-link[aria-current]') ??
      document.querySelector<HTMLElement>('#yd-outline .yd-ol-link');
    entry?.focus();
  }, [drawerOpen, narrow]);

  return {
    narrow,
    drawerOpen,
    hasSide,
    tab,
    outlineButton,
    notesButton,
    setTab: setSideTab,
    toggleDrawer: () => setDrawerOpen((open) => !open),
    /** The toolbar's 显示提纲 (narrow window): the drawer on the 提纲 tab, or closed if that is what it shows. */
    toggleOutline: () => {
      setSideTab('outline');
      setDrawerOpen((open) => !(open && tab === 'outline'));
    },
    closeDrawer,
    /** After a jump into the text: the drawer gets out of the way. */
    leaveDrawer: () => {
      if (narrow) setDrawerOpen(false);
    },
    /** Show the notes (a highlight asked for that could not be placed is listed there). */
    showNotes: () => {
      setSideTab('notes');
      setNotesWanted(true);
      if (narrow) setDrawerOpen(true);
    },
    /** The toolbar's 批注 button: shows the notes, or puts the column back as it was. */
    toggleNotes: () => {
      if (narrow) {
        setSideTab('notes');
        setNotesWanted(true);
        setDrawerOpen((open) => !(open && tab === 'notes'));
      } else if (hasSide && tab === 'notes') {
        if (hasOutline) setSideTab('outline');
        else setNotesWanted(false);
      } else {
        setSideTab('notes');
        setNotesWanted(true);
      }
    },
  };
}

export type SideColumnState = ReturnType<typeof useSideColumn>;

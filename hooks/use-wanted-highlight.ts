import { useEffect, useState } from 'preact/hooks';
import type { Placement } from '@/utils/anchoring/placement';
import { highlightIdFromHash } from '@/utils/routes';

/**
 * reader.html?…#h=<id> (the library's task list and search): go to that highlight once it is placed; one
 * that is missing or could not be placed calls `notFound` (the notes panel, where 未能定位 lists it).
 */
export function useWantedHighlight(
  placements: readonly Placement[] | null,
  goTo: (id: string) => void,
  notFound: () => void,
): void {
  const [wanted, setWanted] = useState(() => highlightIdFromHash(location.hash));
  useEffect(() => {
    if (!wanted || !placements) return;
    setWanted(null);
    const placement = placements.find((p) => p.highlight.id === wanted);
    if (placement?.selector) goTo(wanted);
    else notFound();
  }, [wanted, placements]);
}

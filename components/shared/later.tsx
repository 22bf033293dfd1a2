import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code is imported the first time it is rendered; it shows nothing until then. For the
 * parts of a page its first frame does not show (the library's backup panel and reminder, task list and
 * export dialog), so their code, and the database code it pulls in, is not fetched and run before that frame
 * (bench/README.md, library). A failed import shows nothing and is tried again at the next mount.
 */
export function later<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const get = () => {
    loading ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        loading = null;
        throw e;
      },
    );
    return loading;
  };
  function Later(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Loaded) return;
      let live = true;
      get().then(
        (c) => live && setLoaded(() => c),
        () => undefined,
      );
      return () => {
        live = false;
      };
    }, [Loaded]);
    return Loaded ? <Loaded {...props} /> : null;
  }
  return Later;
}

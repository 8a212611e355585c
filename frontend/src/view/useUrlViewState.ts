import { useCallback, useEffect, useState } from 'react';
import { parseViewState, viewStateToSearch, type ViewState } from './viewState';

export type UpdateView = (patch: Partial<ViewState>) => void;

/**
 * The view, started from the page's query string and written back to it on every change
 * (replaceState: a link to the page reproduces the view; the back button is not a view history).
 */
export function useUrlViewState(): [ViewState, UpdateView] {
  const [view, setView] = useState<ViewState>(() => parseViewState(window.location.search));
  const updateView = useCallback<UpdateView>((patch) => setView((current) => ({ ...current, ...patch })), []);

  useEffect(() => {
    const search = viewStateToSearch(view);
    if (search === window.location.search) return;
    const { pathname, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
  }, [view]);

  return [view, updateView];
}

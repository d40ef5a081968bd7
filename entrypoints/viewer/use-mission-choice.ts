import { useEffect, useState } from 'preact/hooks';
import { choiceFromHash, hashOfChoice } from '../../utils/report/visits-by-mission';

/**
 * The list's mission filter, kept in the page's address (`#mission=<id>`): a reload, a bookmark or
 * the back button shows the same visits. Replacing the hash adds no history entry per choice.
 */
export function useMissionChoice(win: Window = window): [string, (choice: string) => void] {
  const [choice, setChoice] = useState(() => choiceFromHash(win.location.hash));
  useEffect(() => {
    const read = () => setChoice(choiceFromHash(win.location.hash));
    win.addEventListener('hashchange', read);
    return () => win.removeEventListener('hashchange', read);
  }, [win]);
  const choose = (next: string) => {
    setChoice(next);
    const { pathname, search } = win.location;
    win.history.replaceState(win.history.state, '', `${pathname}${search}${hashOfChoice(next)}`);
  };
  return [choice, choose];
}

import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/**
 * The parts of the article pane the editor can fold away: the fields under the title (kicker,
 * section, byline, captions; the title itself stays) and the diff under the editor (its toolbar
 * and count stay, and the editor takes its height).
 */
export type FoldablePart = 'fields' | 'diff';

/**
 * How the editor arranged the desk, each part open or folded. A window 720 px tall cannot show
 * the fields, the body and the diff at once, so the editor folds what is not needed now; the
 * choice is kept in localStorage, per browser profile, across reloads and pages.
 */
export type DeskLayout = Record<FoldablePart, boolean>;

/**
 * Windows shorter than this start with the fields folded, until the editor unfolds them: the body
 * comes first. (desk.css compacts the toolbar and fields from the same height.)
 */
const SHORT_WINDOW_PX = 800;

function firstLayout(): DeskLayout {
  const short = typeof window !== 'undefined' && window.innerHeight < SHORT_WINDOW_PX;
  return { fields: !short, diff: true };
}

export const useDeskLayout = create<DeskLayout>()(
  persist(firstLayout, {
    name: 'galley.deskLayout',
    version: 1,
    // Without a localStorage (disabled storage, unit tests) the layout simply lasts the session.
    storage: createJSONStorage(() => localStorage),
  }),
);

export function toggleFold(part: FoldablePart): void {
  useDeskLayout.setState((layout) => ({ [part]: !layout[part] }));
}

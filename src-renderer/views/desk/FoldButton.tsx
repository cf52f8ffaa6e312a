import { useTranslation } from 'react-i18next';
import { SHORTCUTS, type DeskCommand } from './keymap';
import { toggleFold, useDeskLayout, type FoldablePart } from './layout';

const COMMAND: Record<FoldablePart, DeskCommand> = { fields: 'toggleFields', diff: 'toggleDiff' };

/** Folds a part of the article pane away and back; says which in aria-expanded, and its key in the tooltip. */
export function FoldButton({ part, controls }: { part: FoldablePart; controls: string }) {
  const { t } = useTranslation('desk');
  const open = useDeskLayout((layout) => layout[part]);
  const command = COMMAND[part];
  const keys = SHORTCUTS.find((shortcut) => shortcut.command === command)?.keys.join(', ');
  return (
    <button
      type="button"
      className="fold-toggle"
      aria-expanded={open}
      aria-controls={controls}
      title={`${t(`keys.${command}`)} (${keys})`}
      onClick={() => toggleFold(part)}
      data-testid={`${part}-toggle`}
    >
      {t(`${part}.${open ? 'fold' : 'unfold'}`)}
    </button>
  );
}

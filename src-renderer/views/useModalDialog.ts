import { useEffect, useRef } from 'react';

/**
 * Shows the `<dialog>` the returned ref is attached to as a modal while `open` holds, and closes
 * it otherwise. The element stays mounted, so the browser returns focus to where it was.
 * `onOpen` runs right after `showModal`, e.g. to move focus (autoFocus loses to showModal's own).
 */
export function useModalDialog(open: boolean, onOpen?: (element: HTMLDialogElement) => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      onOpen?.(element);
    }
    if (!open && element.open) element.close();
    // onOpen is read at the moment of opening only; re-running on its identity would do nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  return dialog;
}

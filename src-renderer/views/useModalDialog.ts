import { useEffect, useEffectEvent, useRef } from 'react';

/**
 * Shows the `<dialog>` the returned ref is attached to as a modal while `open` holds, and closes
 * it otherwise. The element stays mounted, so the browser returns focus to where it was.
 * `onOpen` runs right after `showModal`, e.g. to move focus (autoFocus loses to showModal's own).
 */
export function useModalDialog(open: boolean, onOpen?: (element: HTMLDialogElement) => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Read only as the dialog opens: callers pass `onOpen` inline, and a new one is no reason to run the effect.
  const callOnOpen = useEffectEvent((element: HTMLDialogElement) => onOpen?.(element));
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      callOnOpen(element);
    }
    if (!open && element.open) element.close();
  }, [open]);
  return dialog;
}

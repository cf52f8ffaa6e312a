import { useEffect, useEffectEvent, useRef, useState, type ChangeEvent } from 'react';

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * An input bound to a stored value that is written on every change. While writes are in flight
 * the field shows what was typed (so the caret never jumps back); during IME composition nothing
 * is written, and the composed text is committed when composition ends. `mirror` hears the shown
 * text (null once it is the stored one again), for views that must follow keystrokes at once.
 */
export function useDraft(stored: string, commit: (value: string) => unknown, mirror?: (value: string | null) => void) {
  const [draft, setDraft] = useState<string | null>(null);
  const pending = useRef(0);
  const composing = useRef(false);
  // Callers pass `mirror` inline, a new function every render: only a new stored value clears the draft.
  const mirrorBackToStored = useEffectEvent(() => mirror?.(null));

  useEffect(() => {
    if (pending.current > 0 || composing.current) return;
    setDraft(null);
    mirrorBackToStored();
  }, [stored]);

  const write = (value: string) => {
    pending.current++;
    Promise.resolve(commit(value)).finally(() => {
      pending.current--;
    });
  };

  return {
    value: draft ?? stored,
    onChange: (event: ChangeEvent<Field>) => {
      const { value } = event.target;
      setDraft(value);
      mirror?.(value);
      if (!composing.current) write(value);
    },
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: (event: React.CompositionEvent<Field>) => {
      composing.current = false;
      write(event.currentTarget.value);
    },
  };
}

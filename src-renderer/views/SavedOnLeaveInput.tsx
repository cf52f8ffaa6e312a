import { useEffect, useState, type InputHTMLAttributes } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur' | 'onKeyDown'>;

/**
 * A text field that keeps what is typed as a draft and hands it to `save` when the field is left
 * or Enter is pressed, so nothing is stored half-typed. It follows `stored` when that changes.
 */
export function SavedOnLeaveInput({
  stored,
  save,
  ...input
}: InputProps & { stored: string; save: (draft: string) => void }) {
  const [draft, setDraft] = useState(stored);
  useEffect(() => setDraft(stored), [stored]);
  return (
    <input
      {...input}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => save(draft)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') save(draft);
      }}
    />
  );
}

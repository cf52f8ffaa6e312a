import { useEffect, useState } from 'react';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(text);
}

/**
 * A date typed as `YYYY-MM-DD`, the same in every language (the browser's date picker follows the
 * system's locale, not the app's). Reports a day once it is a real one, and null when emptied;
 * while the text is neither, the field says so and the last day stands.
 */
export function DateField({
  value,
  onChange,
  label,
  testId,
}: {
  value: string | null;
  onChange: (date: string | null) => void;
  label: string;
  testId?: string;
}) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => {
    // Only a change from outside (a reset, an undo) replaces a day or an empty field; half-typed text stays.
    setText((current) =>
      (current === '' || isIsoDate(current)) && current !== (value ?? '') ? (value ?? '') : current,
    );
  }, [value]);
  const invalid = text !== '' && !isIsoDate(text);
  return (
    <label className="toolbar-field">
      <span>{label}</span>
      <input
        value={text}
        size={11}
        inputMode="numeric"
        placeholder="YYYY-MM-DD"
        aria-invalid={invalid}
        className={invalid ? 'is-invalid' : undefined}
        onChange={(event) => {
          const next = event.target.value.trim();
          setText(next);
          if (next === '') onChange(null);
          else if (isIsoDate(next)) onChange(next);
        }}
        data-testid={testId}
      />
    </label>
  );
}

import { useRef, type ChangeEvent } from 'react';
import { controlValue, useAdoptEarlyInput } from '../../components/use-adopt-early-input';

export interface SecondsFieldProps {
  /** Id of the input; the hint and message ids derive from it. */
  id: string;
  label: string;
  /** The text as typed (it may be invalid). */
  value: string;
  onChange: (text: string) => void;
  /** What the number is for, shown under the field. */
  hint: string;
  /** Why the typed value was not used as is; `null` when it was. @default null */
  message?: string | null;
}

/** A seconds input, 0..3600, with a hint and a visible message when the value is corrected. */
export function SecondsField({
  id,
  label,
  value,
  onChange,
  hint,
  message = null,
}: SecondsFieldProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  useAdoptEarlyInput(inputRef, value, controlValue, onChange);
  const hintId = `${id}-hint`;
  const messageId = `${id}-message`;
  return (
    <div className="compare__field">
      <label htmlFor={id} className="compare__field-label">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        className="compare__input"
        type="number"
        inputMode="numeric"
        min={0}
        max={3600}
        step={1}
        value={value}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${hintId} ${messageId}` : hintId}
      />
      <span id={hintId} className="compare__field-hint">
        {hint}
      </span>
      {message ? (
        <span id={messageId} className="compare__field-message">
          <span aria-hidden="true">⚠ </span>
          {message}
        </span>
      ) : null}
    </div>
  );
}

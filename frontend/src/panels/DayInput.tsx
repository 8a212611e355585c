import { useState, type ChangeEvent } from 'react';
import { isCompleteDay } from '../format/time';

export interface DayInputProps {
  /** The applied day, YYYY-MM-DD. */
  value: string;
  /** Called with a finished, in-bounds day that differs from `value`. */
  onCommit: (day: string) => void;
  min?: string;
  max?: string;
  label: string;
  testId: string;
}

/**
 * A date input that keeps what is being typed until it is a whole day, so a half-typed year
 * neither fires a request nor gets reset under the user's fingers.
 */
export function DayInput({ value, onCommit, min, max, label, testId }: DayInputProps) {
  const [draft, setDraft] = useState(value);
  const [applied, setApplied] = useState(value);
  if (applied !== value) {
    // A new value from outside (a preset, a click on the chart) replaces the draft.
    setApplied(value);
    setDraft(value);
  }

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value;
    setDraft(next);
    const inBounds = (min === undefined || next >= min) && (max === undefined || next <= max);
    if (next !== value && isCompleteDay(next) && inBounds) onCommit(next);
  };

  return (
    <label className="day-input">
      <span>{label}</span>
      <input type="date" data-testid={testId} value={draft} min={min} max={max} onChange={onChange} />
    </label>
  );
}

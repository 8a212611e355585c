import { useState, type ChangeEvent } from 'react';
import type { OverviewRange } from '../api/overview';
import { isCompleteDay } from '../format/time';
import { RANGE_PRESETS, presetFor } from '../view/rangePresets';

export interface RangeControlsProps {
  /** The range asked for; null = the server's default. */
  range: OverviewRange | null;
  /** What the inputs show for the default range: the range the server resolved it to, once known. */
  defaultRangeShown: OverviewRange | null;
  loading: boolean;
  onRangeChange: (range: OverviewRange | null) => void;
}

/** From/to dates plus presets. A date applies as soon as both ends are whole days; the server judges the range. */
export function RangeControls({ range, defaultRangeShown, loading, onRangeChange }: RangeControlsProps) {
  const from = range?.from ?? defaultRangeShown?.from ?? '';
  const to = range?.to ?? defaultRangeShown?.to ?? '';
  const [draft, setDraft] = useState({ from, to });
  const [applied, setApplied] = useState({ from, to });
  if (applied.from !== from || applied.to !== to) {
    // A preset, a link or the server's answer moved the range: show it instead of the draft.
    setApplied({ from, to });
    setDraft({ from, to });
  }
  const activePreset = presetFor(range);

  const edit = (end: 'from' | 'to') => (event: ChangeEvent<HTMLInputElement>) => {
    const next = { ...draft, [end]: event.target.value };
    setDraft(next);
    if (isCompleteDay(next.from) && isCompleteDay(next.to) && (next.from !== from || next.to !== to)) onRangeChange(next);
  };

  return (
    <section className="range-controls" aria-label="期間 Date range">
      <label className="day-input">
        <span>起 From</span>
        <input type="date" data-testid="range-from" value={draft.from} onChange={edit('from')} />
      </label>
      <label className="day-input">
        <span>迄 To</span>
        <input type="date" data-testid="range-to" value={draft.to} onChange={edit('to')} />
      </label>
      <div className="presets" role="group" aria-label="快速選擇 Presets">
        {RANGE_PRESETS.map((preset) => (
          <button
            key={preset.name}
            type="button"
            className="toggle-button"
            data-testid={`preset-${preset.name}`}
            aria-pressed={preset === activePreset}
            onClick={() => onRangeChange(preset.range)}
          >
            {preset.label}
          </button>
        ))}
      </div>
      {loading && (
        <span className="range-loading" data-testid="range-loading" aria-live="polite">
          載入中 Loading…
        </span>
      )}
    </section>
  );
}

import { useRef } from 'react';
import { useAdoptEarlyInput } from '../../components/use-adopt-early-input';
import { compareStrategies } from '../../lessons/compare-stories';

export interface StrategyPickerProps {
  /** Ids of the ticked strategies. */
  selected: readonly string[];
  /** The new selection: one box toggled, or the boxes ticked on the prerendered page. */
  onSelect: (ids: readonly string[]) => void;
}

/** The ids of the ticked boxes in `fieldset`, in the picker's order, comma-separated. */
const tickedIds = (fieldset: HTMLFieldSetElement): string =>
  Array.from(fieldset.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked'))
    .map((box) => box.value)
    .join(',');

/** One checkbox per strategy, each with a line saying what its update code does. */
export function StrategyPicker({ selected, onSelect }: StrategyPickerProps) {
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  const rendered = compareStrategies
    .filter((strategy) => selected.includes(strategy.id))
    .map((strategy) => strategy.id)
    .join(',');
  useAdoptEarlyInput(fieldsetRef, rendered, tickedIds, (ids) =>
    onSelect(ids === '' ? [] : ids.split(',')),
  );
  return (
    <fieldset ref={fieldsetRef} className="compare__strategies">
      <legend className="compare__legend">Strategies</legend>
      <ul className="compare__choices">
        {compareStrategies.map((strategy) => {
          const id = `compare-strategy-${strategy.id}`;
          return (
            <li key={strategy.id} className="compare__choice">
              <input
                id={id}
                type="checkbox"
                value={strategy.id}
                checked={selected.includes(strategy.id)}
                onChange={() =>
                  onSelect(
                    selected.includes(strategy.id)
                      ? selected.filter((id) => id !== strategy.id)
                      : [...selected, strategy.id],
                  )
                }
                aria-describedby={`${id}-about`}
              />
              <label htmlFor={id} className="compare__choice-label">
                {strategy.label}
              </label>
              <span id={`${id}-about`} className="compare__choice-about">
                {strategy.description}
              </span>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

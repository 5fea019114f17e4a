import { compareStrategies } from '../../lessons/compare-stories';

export interface StrategyPickerProps {
  /** Ids of the ticked strategies. */
  selected: readonly string[];
  onToggle: (id: string) => void;
}

/** One checkbox per strategy, each with a line saying what its update code does. */
export function StrategyPicker({ selected, onToggle }: StrategyPickerProps) {
  return (
    <fieldset className="compare__strategies">
      <legend className="compare__legend">Strategies</legend>
      <ul className="compare__choices">
        {compareStrategies.map((strategy) => {
          const id = `compare-strategy-${strategy.id}`;
          return (
            <li key={strategy.id} className="compare__choice">
              <input
                id={id}
                type="checkbox"
                checked={selected.includes(strategy.id)}
                onChange={() => onToggle(strategy.id)}
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

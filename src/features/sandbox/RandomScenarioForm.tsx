import { useRef, type FormEvent } from 'react';
import { controlValue, useAdoptEarlyInput } from '../../components/use-adopt-early-input';
import { SANDBOX_MAX_STEPS } from '../../store/sandbox-slice';
import { useAppStore } from '../../store/store';
import { ScenarioError } from './ScenarioError';

/**
 * Steps and Seed for a generated scenario, and `Random scenario`. Enter in either field
 * generates too. Equal seeds give equal scenarios; each generation moves the seed on by one.
 */
export function RandomScenarioForm() {
  const steps = useAppStore((s) => s.sandboxSteps);
  const seed = useAppStore((s) => s.sandboxSeed);
  const setSteps = useAppStore((s) => s.setSandboxSteps);
  const setSeed = useAppStore((s) => s.setSandboxSeed);
  const randomSandbox = useAppStore((s) => s.randomSandbox);
  const stepsRef = useRef<HTMLInputElement>(null);
  const seedRef = useRef<HTMLInputElement>(null);
  useAdoptEarlyInput(stepsRef, String(steps), controlValue, setSteps);
  useAdoptEarlyInput(seedRef, String(seed), controlValue, setSeed);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void randomSandbox();
  };
  return (
    // noValidate: the alert below says what is wrong, rather than a browser bubble that
    // screen readers may not announce.
    <form className="sandbox__source sandbox__random" onSubmit={onSubmit} noValidate>
      <fieldset className="sandbox__fieldset">
        <legend className="sandbox__label">Generate</legend>
        <div className="sandbox__fields">
          <label className="sandbox__field">
            <span>Steps</span>
            <input
              ref={stepsRef}
              className="sandbox__number"
              type="number"
              inputMode="numeric"
              min={1}
              max={SANDBOX_MAX_STEPS}
              step={1}
              value={steps}
              onChange={(event) => setSteps(event.target.value)}
            />
          </label>
          <label className="sandbox__field">
            <span>Seed</span>
            <input
              ref={seedRef}
              className="sandbox__number"
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              value={seed}
              onChange={(event) => setSeed(event.target.value)}
              aria-describedby="sandbox-seed-hint"
            />
          </label>
          <button type="submit" className="button">
            Random scenario
          </button>
        </div>
        <p id="sandbox-seed-hint" className="sandbox__hint">
          The same seed gives the same scenario; each one moves the seed on by one.
        </p>
        <ScenarioError source="random" id="sandbox-random-error" />
      </fieldset>
    </form>
  );
}

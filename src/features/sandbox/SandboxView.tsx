import { useEffect } from 'react';
import * as sandboxChecks from '../../store/sandbox-scenario';
import { useAppStore } from '../../store/store';
import { ScenarioEditor } from './ScenarioEditor';
import { ScenarioSummary } from './ScenarioSummary';
import './sandbox.css';

// The checks (with the validator and the generator) travel in this lazy chunk; the store gets
// them when it loads, before the view first renders, so its actions stay synchronous.
useAppStore.getState().setSandboxTools(sandboxChecks);

/**
 * Sandbox (`?view=sandbox`): build a scenario as JSON (or generate or import one), check it,
 * and play it on the lesson page with every panel. Scenarios are data the simulator reads;
 * nothing in them is executed or rendered as HTML.
 */
export function SandboxView() {
  const restoreSandbox = useAppStore((s) => s.restoreSandbox);
  useEffect(() => {
    // A scenario saved on an earlier visit is parsed the first time the sandbox is opened.
    void restoreSandbox();
  }, [restoreSandbox]);
  return (
    <div className="sandbox">
      <p className="sandbox__intro">
        Write a scenario as JSON, load the example, generate a random one or import a file. Check
        it, then open it in the player to step through it with every panel. A scenario is data the
        simulator reads: nothing in it runs as code.
      </p>
      <div className="sandbox__grid">
        <ScenarioEditor />
        <ScenarioSummary />
      </div>
    </div>
  );
}

export default SandboxView;

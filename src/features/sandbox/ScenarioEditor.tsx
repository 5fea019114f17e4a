import { Panel } from '../../components/Panel';
import { useAdoptEarlyText } from '../../components/use-adopt-early-input';
import { useAppStore } from '../../store/store';
import { downloadText } from '../../components/download-file';
import { ImportScenario } from './ImportScenario';
import { RandomScenarioForm } from './RandomScenarioForm';
import { ScenarioError } from './ScenarioError';
import { EXPORT_FILE_NAME } from './sandbox-view';

/**
 * The Scenario panel: where a scenario comes from (example, random, file), the JSON editor,
 * `Check and run`, and the reason a check failed. A failed check changes nothing but the
 * message: the scenario loaded before stays loaded. Generation and import report their own
 * failures beside their controls.
 */
export function ScenarioEditor() {
  const draft = useAppStore((s) => s.sandboxDraft);
  const isInvalid = useAppStore((s) => s.sandboxError?.source === 'editor');
  const setDraft = useAppStore((s) => s.setSandboxDraft);
  const checkSandbox = useAppStore((s) => s.checkSandbox);
  const loadExample = useAppStore((s) => s.loadSandboxExample);
  const checking = useAppStore((s) => s.sandboxChecking);
  // The prerendered editor is empty (PRERENDERED_VIEWS): text in it was typed before the script.
  useAdoptEarlyText('sandbox-json', draft, setDraft);
  return (
    <Panel id="sandbox-scenario" title="Scenario" className="sandbox__editor">
      <div className="sandbox__sources">
        <div className="sandbox__source">
          <span className="sandbox__label">Example</span>
          <button type="button" className="button" onClick={loadExample}>
            Load example
          </button>
        </div>
        <RandomScenarioForm />
        <ImportScenario />
      </div>
      <label htmlFor="sandbox-json" className="sandbox__label">
        Scenario JSON
      </label>
      <p id="sandbox-json-hint" className="sandbox__hint">
        A lesson as JSON: setup, steps with their operations, table columns, tracked variables, and
        optional key moments and quiz.
      </p>
      <textarea
        id="sandbox-json"
        className="sandbox__json"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        rows={18}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        aria-invalid={isInvalid ? true : undefined}
        aria-describedby={isInvalid ? 'sandbox-json-hint sandbox-error' : 'sandbox-json-hint'}
      />
      <div className="sandbox__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void checkSandbox()}
        >
          Check and run
        </button>
        <button
          type="button"
          className="button"
          onClick={() => downloadText(EXPORT_FILE_NAME, useAppStore.getState().sandboxDraft)}
        >
          Export scenario
        </button>
      </div>
      {/* The check runs in a worker: the page stays usable, and this says it is under way. */}
      <p className="sandbox__hint" aria-live="polite">
        {checking ? 'Checking the scenario…' : ''}
      </p>
      <ScenarioError source="editor" id="sandbox-error" />
    </Panel>
  );
}

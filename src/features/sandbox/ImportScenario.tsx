import type { ChangeEvent } from 'react';
import { useAppStore } from '../../store/store';
import { ScenarioError } from './ScenarioError';

/**
 * `Import scenario file`: a native file input, so it works with the keyboard and every
 * screen reader. The store refuses files over 1 MB unread; the input is cleared afterwards so
 * the same file can be picked again after it was fixed.
 */
export function ImportScenario() {
  const importSandbox = useAppStore((s) => s.importSandbox);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    void importSandbox(file.name, file.size, () => file.text()).finally(() => {
      input.value = '';
    });
  };
  return (
    <div className="sandbox__source">
      <label htmlFor="sandbox-file" className="sandbox__label">
        Import scenario file
      </label>
      <input
        id="sandbox-file"
        className="sandbox__file"
        type="file"
        accept="application/json,.json"
        onChange={onChange}
      />
      <ScenarioError source="file" id="sandbox-file-error" />
    </div>
  );
}

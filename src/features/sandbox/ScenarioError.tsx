import type { SandboxError } from '../../store/sandbox-slice';
import { useAppStore } from '../../store/store';

export interface ScenarioErrorProps {
  /** Which control's failures this spot reports. */
  source: SandboxError['source'];
  /** Id of the alert, for `aria-describedby` on the control. */
  id: string;
}

/** Why a scenario was refused, as an alert beside the control that was used. Plain text only. */
export function ScenarioError({ source, id }: ScenarioErrorProps) {
  const message = useAppStore((s) =>
    s.sandboxError?.source === source ? s.sandboxError.message : null,
  );
  if (message === null) return null;
  return (
    <div id={id} className="sandbox__error" role="alert">
      <span aria-hidden="true">⚠</span>
      <p>{message}</p>
    </div>
  );
}

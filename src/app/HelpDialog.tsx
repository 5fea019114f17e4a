import { useLayoutEffect, useRef } from 'react';
import { useAppStore } from '../store/store';
import { SHORTCUTS } from './keyboard';

/** The `?` overlay: a modal dialog listing every shortcut. */
export function HelpDialog() {
  const isOpen = useAppStore((s) => s.isHelpOpen);
  const setHelpOpen = useAppStore((s) => s.setHelpOpen);
  const ref = useRef<HTMLDialogElement>(null);
  // Before the paint: the list is rendered only while the dialog is open (the first view's
  // page does not carry it), so the dialog opens with it and closes as it goes.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!isOpen && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [isOpen]);
  return (
    <dialog
      ref={ref}
      className="help-dialog"
      aria-labelledby="help-title"
      onClose={() => setHelpOpen(false)}
      onCancel={() => setHelpOpen(false)}
    >
      <h2 id="help-title">Keyboard shortcuts</h2>
      {isOpen ? <ShortcutList onClose={() => setHelpOpen(false)} /> : null}
    </dialog>
  );
}

function ShortcutList({ onClose }: { onClose: () => void }) {
  return (
    <>
      <table className="help-dialog__table">
        <caption className="visually-hidden">Shortcut keys and what they do</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? ' or ' : null}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="help-dialog__note">
        Keys work anywhere except where the focused control uses them itself (the step slider,
        menus, radio buttons, and Space on buttons).
      </p>
      <button type="button" className="button button--primary" onClick={onClose}>
        Close
      </button>
    </>
  );
}

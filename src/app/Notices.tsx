import { useAppStore } from '../store/store';

/** Plain-text notices about bad input (URL, stored progress, imports), each dismissible. */
export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismissNotice = useAppStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice, i) => (
        <div className="notice" role="alert" key={`${i}-${notice}`}>
          <span aria-hidden="true">⚠</span>
          <p>{notice}</p>
          <button
            type="button"
            className="button button--small"
            onClick={() => dismissNotice(i)}
            aria-label={`Dismiss notice ${i + 1}`}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}

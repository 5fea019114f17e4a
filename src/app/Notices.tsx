import { downloadText } from '../components/download-file';
import './notices.css';
import { useAppStore } from '../store/store';

/**
 * Plain-text notices about bad input (URL, stored progress, imports), each dismissible; and,
 * for each stored value that could not be used, a button that downloads the original.
 */
export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const copies = useAppStore((s) => s.storedCopies);
  const dismissNotice = useAppStore((s) => s.dismissNotice);
  const dismissCopy = useAppStore((s) => s.dismissStoredCopy);
  if (notices.length === 0 && copies.length === 0) return null;
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
      {copies.length ? (
        <ul className="notices__copies" aria-label="Unreadable saved data">
          {copies.map((copy, i) => (
            <li key={`${copy.key}-${i}`} className="notice">
              <button
                type="button"
                className="button button--small"
                onClick={() => downloadText(copy.fileName, copy.text, 'text/plain')}
              >
                {`Download unreadable ${copy.what}`}
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => dismissCopy(i)}
                aria-label={`Dismiss download of unreadable ${copy.what}`}
              >
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

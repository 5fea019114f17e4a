import { useEffect, useState } from 'react';

/**
 * `Copy link to this step`: the address bar already describes the screen (lesson, step,
 * what-if, remedy, presenter mode), so the link is the current URL. A status says it worked,
 * or how to copy it by hand when the clipboard is not available.
 */
export function CopyLinkButton() {
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!message) return undefined;
    const timer = window.setTimeout(() => setMessage(''), 4000);
    return () => window.clearTimeout(timer);
  }, [message]);
  const copy = async (): Promise<void> => {
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      setMessage('Link copied.');
    } catch {
      setMessage('Could not copy: the link is in the address bar.');
    }
  };
  return (
    <span className="copy-link">
      <button
        type="button"
        className="button button--small copy-link__button"
        title="Copy link to this step"
        onClick={() => void copy()}
      >
        <svg className="copy-link__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path
            d="M8.5 11.5a3 3 0 0 0 4.2 0l3-3a3 3 0 0 0-4.2-4.2l-1 1M11.5 8.5a3 3 0 0 0-4.2 0l-3 3a3 3 0 0 0 4.2 4.2l1-1"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        </svg>
        <span className="copy-link__label">Copy link to this step</span>
      </button>
      <span className="copy-link__status" role="status">
        {message}
      </span>
    </span>
  );
}

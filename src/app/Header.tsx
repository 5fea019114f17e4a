import { lessonIndex } from '../lessons';
import { useAppStore } from '../store/store';
import { THEMES, type Theme } from '../store/preferences-slice';
import { SANDBOX_LESSON_ID } from '../store/trace-cache';
import { isPlainClick } from '../components/plain-click';

const THEME_LABEL: Record<Theme, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
  contrast: 'High contrast',
};

const NAV = [
  { view: 'lessons', label: 'All lessons' },
  { view: 'compare', label: 'Compare' },
  { view: 'practice', label: 'Practice' },
  { view: 'sandbox', label: 'Sandbox' },
] as const;

/** Brand, lesson picker, presenter mode, theme and help. Hidden in embed mode. */
export function Header() {
  const lessonId = useAppStore((s) => s.lessonId);
  const hasSandbox = useAppStore((s) => s.sandboxLesson !== null);
  const view = useAppStore((s) => s.view);
  const theme = useAppStore((s) => s.theme);
  const isPresenting = useAppStore((s) => s.isPresenting);
  const openLesson = useAppStore((s) => s.openLesson);
  const setView = useAppStore((s) => s.setView);
  const setTheme = useAppStore((s) => s.setTheme);
  const togglePresenting = useAppStore((s) => s.togglePresenting);
  const setHelpOpen = useAppStore((s) => s.setHelpOpen);
  const last = useAppStore((s) => s.last);
  const groups = ['Strategies', 'Failure modes'] as const;
  return (
    <header className="app-header">
      <a className="app-header__brand" href="./" aria-label="Django Cache Lab, home">
        <span className="app-header__logo" aria-hidden="true">
          ◧
        </span>
        Django Cache Lab
      </a>
      <nav className="app-header__nav" aria-label="Views">
        {NAV.map((item) => (
          <a
            key={item.view}
            className="button button--small app-header__link"
            href={`?view=${item.view}`}
            aria-current={view === item.view ? 'page' : undefined}
            onClick={(event) => {
              // A plain click switches in place; modified clicks open a new tab as usual.
              if (!isPlainClick(event)) return;
              event.preventDefault();
              setView(item.view);
            }}
          >
            {item.label}
          </a>
        ))}
      </nav>
      <div className="app-header__tools">
        <label className="app-header__field app-header__field--lesson">
          <span>Lesson</span>
          <select value={lessonId} onChange={(e) => openLesson(e.target.value)}>
            {groups.map((group) => (
              <optgroup key={group} label={group}>
                {lessonIndex
                  .filter((l) => l.group === group)
                  .map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.title}
                    </option>
                  ))}
              </optgroup>
            ))}
            {hasSandbox ? (
              <optgroup label="Sandbox">
                <option value={SANDBOX_LESSON_ID}>Sandbox scenario</option>
              </optgroup>
            ) : null}
          </select>
        </label>
        <label className="app-header__field app-header__field--theme">
          <span>Theme</span>
          <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
            {THEMES.map((t) => (
              <option key={t} value={t}>
                {THEME_LABEL[t]}
              </option>
            ))}
          </select>
        </label>
        {view === 'lesson' ? (
          <button
            type="button"
            className="button button--small app-header__print"
            onClick={() => {
              // A handout shows the whole lesson: the table and tracker at the last step.
              last();
              window.requestAnimationFrame(() => window.print());
            }}
          >
            Print handout
          </button>
        ) : null}
        <button type="button" className="button button--small" onClick={togglePresenting}>
          {isPresenting ? 'Exit presenter mode' : 'Presenter mode'}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label="Keyboard shortcuts"
          aria-keyshortcuts="?"
          onClick={() => setHelpOpen(true)}
        >
          ?
        </button>
      </div>
    </header>
  );
}

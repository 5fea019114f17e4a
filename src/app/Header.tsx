import { useEffect, useId, useRef, useState } from 'react';
import { isPlainClick } from '../components/plain-click';
import { controlValue, useAdoptEarlyInput } from '../components/use-adopt-early-input';
import { lessonIndex } from '../lessons';
import { selectLesson } from '../store/selectors';
import { useAppStore } from '../store/store';
import { THEMES, type Theme } from '../store/preferences-slice';
import { SANDBOX_LESSON_ID } from '../store/trace-cache';

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

const VIEW_TITLES = {
  lessons: 'Lessons',
  compare: 'Compare strategies',
  practice: 'Practice',
  sandbox: 'Sandbox',
} as const;

/**
 * One row: brand, the page's `h1`, the lesson picker, presenter mode and a `Menu` with the
 * views, the theme and the handout. On wide screens the menu's contents sit in the row itself
 * (one DOM, laid out by CSS), so nothing is rendered twice. Hidden in embeds and presenter mode.
 */
export function Header() {
  const lessonId = useAppStore((s) => s.lessonId);
  const lesson = useAppStore(selectLesson);
  const isReady = useAppStore((s) => s.isReady);
  const hasSandbox = useAppStore((s) => s.sandboxLesson !== null);
  const view = useAppStore((s) => s.view);
  const theme = useAppStore((s) => s.theme);
  const openLesson = useAppStore((s) => s.openLesson);
  const setView = useAppStore((s) => s.setView);
  const setTheme = useAppStore((s) => s.setTheme);
  const togglePresenting = useAppStore((s) => s.togglePresenting);
  const setHelpOpen = useAppStore((s) => s.setHelpOpen);
  const [isMenuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const headerRef = useRef<HTMLElement>(null);
  const lessonRef = useRef<HTMLSelectElement>(null);
  const themeRef = useRef<HTMLSelectElement>(null);
  // A lesson or theme picked on the prerendered page before its script ran is kept.
  useAdoptEarlyInput(lessonRef, lessonId, controlValue, openLesson);
  useAdoptEarlyInput(themeRef, theme, controlValue, (value) => setTheme(value as Theme));
  const title = !isReady
    ? 'Django Cache Lab'
    : view === 'lesson'
      ? lesson.title
      : VIEW_TITLES[view];
  const groups = ['Strategies', 'Failure modes'] as const;

  useEffect(() => {
    if (!isMenuOpen) return;
    // The menu closes on Esc and on a click or focus outside, as a disclosure menu should.
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    const onOutside = (event: Event): void => {
      if (!headerRef.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [isMenuOpen]);

  return (
    <header className="app-header" ref={headerRef}>
      <a className="app-header__brand" href="./" aria-label="Django Cache Lab, home">
        <span className="app-header__logo" aria-hidden="true">
          ◧
        </span>
        <span className="app-header__brand-name">Django Cache Lab</span>
      </a>
      <h1 className="app-header__title" title={title}>
        {title}
      </h1>
      <button
        type="button"
        className="button button--small app-header__menu-toggle"
        aria-expanded={isMenuOpen}
        aria-controls={menuId}
        onClick={() => setMenuOpen(!isMenuOpen)}
      >
        Menu
      </button>
      <div id={menuId} className={`app-header__menu${isMenuOpen ? ' app-header__menu--open' : ''}`}>
        <div className="app-header__primary">
          <label className="app-header__field app-header__field--lesson">
            <span className="app-header__field-label">Lesson</span>
            <select ref={lessonRef} value={lessonId} onChange={(e) => openLesson(e.target.value)}>
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
          <button
            type="button"
            className="button button--small app-header__present"
            onClick={togglePresenting}
          >
            Presenter mode
          </button>
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
                  setMenuOpen(false);
                  setView(item.view);
                }}
              >
                {item.label}
              </a>
            ))}
          </nav>
        </div>
        <div className="app-header__secondary">
          <label className="app-header__field app-header__field--theme">
            <span>Theme</span>
            <select
              ref={themeRef}
              value={theme}
              onChange={(e) => setTheme(e.target.value as Theme)}
            >
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
                setMenuOpen(false);
                // The handout is its own page built from the trace: the live step stays put.
                window.requestAnimationFrame(() => window.print());
              }}
            >
              Print handout
            </button>
          ) : null}
          <button
            type="button"
            className="button button--small"
            aria-label="Keyboard shortcuts"
            aria-keyshortcuts="?"
            onClick={() => {
              setMenuOpen(false);
              setHelpOpen(true);
            }}
          >
            ?
          </button>
        </div>
      </div>
    </header>
  );
}

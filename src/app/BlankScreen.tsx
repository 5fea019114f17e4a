import { useAppStore } from '../store/store';

/** `B` or `.` in presenter mode: a black screen over everything, until pressed again. */
export function BlankScreen() {
  const isBlank = useAppStore((s) => s.isBlank);
  const toggleBlank = useAppStore((s) => s.toggleBlank);
  if (!isBlank) return null;
  return (
    <div className="blank-screen" data-testid="blank-screen">
      <button type="button" className="blank-screen__back" onClick={toggleBlank}>
        Screen blanked: press B to show the slide
      </button>
    </div>
  );
}

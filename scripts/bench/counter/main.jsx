// The floor of this stack: React 19 + Zustand, one store, one component, one key binding.
// The bench builds it with Vite and measures it beside Django Cache Lab in the same run.
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { create } from 'zustand';

const useCounter = create((set) => ({
  count: 0,
  increment: () => set((state) => ({ count: state.count + 1 })),
  reset: () => set({ count: 0 }),
}));

function Counter() {
  const count = useCounter((state) => state.count);
  const increment = useCounter((state) => state.increment);
  const reset = useCounter((state) => state.reset);
  useEffect(() => {
    const onKeyDown = (event) => {
      if (event.key === 'ArrowRight') increment();
      else if (event.key === 'Home') reset();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [increment, reset]);
  return (
    <main>
      <h1>Counter</h1>
      <p role="status" aria-live="polite">
        Count {count}
      </p>
      <button type="button" onClick={increment}>
        Add one
      </button>
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <Counter />
  </StrictMode>,
);

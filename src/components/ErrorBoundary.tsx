import { Component, type ErrorInfo, type ReactNode } from 'react';
import { forgetFailedLoads } from './lazy-with-retry';

export interface ErrorBoundaryProps {
  /** What failed, in words: "The Cache panel". */
  label: string;
  children: ReactNode;
  /** When this changes (another view, another lesson), a shown error is cleared. */
  resetKey?: string;
}

interface ErrorBoundaryState {
  error: Error | null;
  resetKey?: string;
}

/**
 * Keeps one failing panel from blanking the page: it shows what failed and offers a retry,
 * while every other panel keeps working.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  state: ErrorBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<ErrorBoundaryState> {
    return { error };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    // Leaving the view that failed shows the next one fresh, not the old error.
    if (props.resetKey === state.resetKey) return null;
    if (state.error) forgetFailedLoads();
    return { error: null, resetKey: props.resetKey };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.label} failed`, error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="error-boundary">
        <p>
          {this.props.label} could not be shown: {this.state.error.message}
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            // A chunk that failed to load is fetched again.
            forgetFailedLoads();
            this.setState({ error: null });
          }}
        >
          Try again
        </button>
      </div>
    );
  }
}

import { ErrorBoundary } from '../components/ErrorBoundary';
import { KeyMoments } from '../features/key-moments/KeyMoments';
import { VisualQuiz } from '../features/quiz/VisualQuiz';
import { ConceptSnapshot } from '../features/snapshot/ConceptSnapshot';
import { FullTranscript } from '../features/transcript/FullTranscript';

/**
 * The panels below the fold, loaded as their own chunk so the first view's JavaScript stays
 * small. Each fails on its own.
 */
export default function LearnPanels() {
  return (
    <>
      <ErrorBoundary label="Key moments">
        <KeyMoments />
      </ErrorBoundary>
      <ErrorBoundary label="The visual quiz">
        <VisualQuiz />
      </ErrorBoundary>
      <ErrorBoundary label="The concept snapshot">
        <ConceptSnapshot />
      </ErrorBoundary>
      <ErrorBoundary label="The full transcript">
        <FullTranscript />
      </ErrorBoundary>
    </>
  );
}

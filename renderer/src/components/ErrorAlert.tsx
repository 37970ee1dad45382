import type { Problem } from '../lib/problem';

interface ErrorAlertProps {
  problem: Problem;
  onDismiss: () => void;
}

/** A problem the person should read, e.g. a transcript or a glossary that failed to import. */
export function ErrorAlert({ problem, onDismiss }: ErrorAlertProps) {
  return (
    <div className="error-alert" role="alert">
      <p className="error-alert-message">
        <strong>{problem.title}</strong> {problem.message}
      </p>
      <button
        type="button"
        className="button button-quiet"
        onClick={onDismiss}
        aria-label="Dismiss this message"
      >
        Dismiss
      </button>
    </div>
  );
}

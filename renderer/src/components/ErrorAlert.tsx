interface ErrorAlertProps {
  message: string;
  onDismiss: () => void;
}

/** A problem the person should read, e.g. a transcript that failed to import. */
export function ErrorAlert({ message, onDismiss }: ErrorAlertProps) {
  return (
    <div className="error-alert" role="alert">
      <p className="error-alert-message">
        <strong>Could not open the transcript.</strong> {message}
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

interface EmptyGlossaryHintProps {
  onImport: () => void;
  busy: boolean;
}

/** On the start screen of a new user: without a glossary, Glossa has no names to look for. */
export function EmptyGlossaryHint({ onImport, busy }: EmptyGlossaryHintProps) {
  return (
    <div className="empty-glossary-hint" role="note">
      <p>Your glossary is empty. Import a glossary (CSV or JSON) so Glossa knows which names to look for.</p>
      <button type="button" className="button button-secondary" onClick={onImport} aria-disabled={busy}>
        Choose a glossary file…
      </button>
    </div>
  );
}

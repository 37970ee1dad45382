import { useId, useLayoutEffect, useRef, useState } from 'react';

interface CollapsibleTextProps {
  text: string;
  className?: string;
}

/** Text shown as two lines with a "more" button when it is longer than that. */
export function CollapsibleText({ text, className }: CollapsibleTextProps) {
  const [expanded, setExpanded] = useState(false);
  const [overflows, setOverflows] = useState(false);
  const ref = useRef<HTMLParagraphElement>(null);
  const id = useId();

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || expanded) return;
    const measure = () => setOverflows(element.scrollHeight > element.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [text, expanded]);

  return (
    <div className={className}>
      <p ref={ref} className={expanded ? 'collapsible-text' : 'collapsible-text is-collapsed'} id={id}>
        {text}
      </p>
      {(overflows || expanded) && (
        <button
          type="button"
          className="button-link"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'less' : 'more'}
        </button>
      )}
    </div>
  );
}

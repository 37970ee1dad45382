/**
 * The state of one find bar: the query and its options, the replacement, the matches in the
 * editor's text (again when the document changes), which one is current, moving between them and
 * replacing them. Matches are derived from a snapshot of the segments, never stored.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback, useEffect, useEffectEvent, useMemo, useState, useSyncExternalStore } from 'react';
import {
  findMatches,
  FindQueryError,
  type FindMatch,
  type FindOptions,
} from '../../../shared/document/find-replace';
import { useEditorSession } from '../editor/session';
import { replaceMatches, selectMatch, type ReplaceResult } from './find-actions';
import { indexAtOrAfter, stepIndex, type FindAnchor } from './match-navigation';
import type { PreviewSegment } from './preview-rows';
import { revealSpan } from './reveal';
import { SegmentSource } from './segment-source';
import { useFindHighlights } from './useFindHighlights';

/** What the bar remembers between openings. */
export interface FindState {
  options: FindOptions;
  replaceWith: string;
}

export const EMPTY_FIND_STATE: FindState = {
  options: { query: '', caseSensitive: false, wholeWord: false, regex: false },
  replaceWith: '',
};

export interface FindSearch {
  matches: readonly FindMatch[];
  truncated: boolean;
  /** Why the query cannot be searched for (an invalid regular expression), or null. */
  error: string | null;
}

const NO_MATCHES: readonly FindMatch[] = [];

export function useFindMatches(initial: FindState, initialAnchor: FindAnchor | null) {
  const [editor] = useLexicalComposerContext();
  const session = useEditorSession();
  const [source] = useState(() => new SegmentSource(editor));
  const segments = useSyncExternalStore(source.subscribe, source.get);
  const [options, setOptionsState] = useState(initial.options);
  const [replaceWith, setReplaceWith] = useState(initial.replaceWith);
  const [anchor, setAnchor] = useState(initialAnchor);
  // Bumped when the current match should be selected and scrolled to once the matches are fresh.
  const [revealRequest, setRevealRequest] = useState(1);

  const search = useMemo((): FindSearch => {
    try {
      return { ...findMatches(segments, options, replaceWith), error: null };
    } catch (error) {
      if (!(error instanceof FindQueryError)) throw error;
      return { matches: NO_MATCHES, truncated: false, error: error.message };
    }
  }, [segments, options, replaceWith]);
  const { matches } = search;

  const previewSegments = useMemo(
    () =>
      new Map<string, PreviewSegment>(
        segments.map((segment, i) => [
          segment.id,
          { text: segment.text, label: segment.label, position: i + 1 },
        ]),
      ),
    [segments],
  );
  const orderOf = useMemo(() => new Map(segments.map((segment, i) => [segment.id, i])), [segments]);
  const currentIndex = useMemo(() => indexAtOrAfter(matches, orderOf, anchor), [matches, orderOf, anchor]);
  const current = matches[currentIndex] ?? null;

  useFindHighlights(session.painter, matches, current);

  const goTo = useCallback(
    (match: FindMatch) => {
      selectMatch(editor, session.index, match);
      const element = session.index?.element(match.segmentId);
      if (element) revealSpan(element, match);
    },
    [editor, session],
  );

  const revealCurrent = useEffectEvent(() => {
    if (current) goTo(current);
  });
  useEffect(() => {
    revealCurrent();
  }, [revealRequest]);

  const setOptions = useCallback((patch: Partial<FindOptions>) => {
    setOptionsState((now) => ({ ...now, ...patch }));
    setRevealRequest((n) => n + 1);
  }, []);

  /** Opened again (Ctrl+F while open): from the editor's selection, with its text as the query if any. */
  const restart = useCallback((from: FindAnchor | null, query: string | null) => {
    if (from) setAnchor(from);
    if (query !== null) setOptionsState((now) => ({ ...now, query }));
    setRevealRequest((n) => n + 1);
  }, []);

  const step = useCallback(
    (direction: 1 | -1) => {
      const target = matches[stepIndex(currentIndex, matches.length, direction)];
      if (!target) return;
      setAnchor({ segmentId: target.segmentId, offset: target.start });
      goTo(target);
    },
    [matches, currentIndex, goTo],
  );

  /** Replaces the current match (if it still reads the same) and moves on to the next. */
  const replaceCurrent = useCallback((): ReplaceResult | null => {
    if (!current) return null;
    const result = replaceMatches(editor, [current]);
    const replacedLength = result.applied > 0 ? current.replacement.length : 0;
    setAnchor({ segmentId: current.segmentId, offset: current.start + replacedLength });
    source.refresh();
    setRevealRequest((n) => n + 1);
    return result;
  }, [current, editor, source]);

  /** Replaces the given matches in one undo step. */
  const replaceSome = useCallback(
    (chosen: readonly FindMatch[]): ReplaceResult => {
      const result = replaceMatches(editor, chosen);
      source.refresh();
      return result;
    },
    [editor, source],
  );

  return {
    options,
    replaceWith,
    search,
    previewSegments,
    currentIndex,
    current,
    setOptions,
    setReplaceWith,
    restart,
    step,
    replaceCurrent,
    replaceSome,
  };
}

export type FindController = ReturnType<typeof useFindMatches>;

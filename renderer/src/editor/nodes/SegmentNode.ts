/**
 * One transcript segment = one Lexical block. The segment's id, speaker, times and recognised
 * words ride on the node; its text is the node's text content. Speaker and time are drawn by CSS
 * from data attributes (`::before`), so they sit beside the text but can never be typed over.
 */
import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
  type RangeSelection,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import type { TranscriptWord } from '../../../../shared/document/model';
import { segmentLabel } from '../segment-label';

export interface SegmentFields {
  segmentId: string;
  speaker?: string;
  startMs?: number;
  endMs?: number;
  /** The recogniser's words as last aligned; re-aligned against the text when saved. */
  words: readonly TranscriptWord[];
  /** `termId|heard` of suggestions rejected here; part of the editor state so undo brings them back. */
  dismissed: readonly string[];
}

export type SerializedSegmentNode = Spread<
  {
    segmentId: string;
    speaker?: string;
    startMs?: number;
    endMs?: number;
    words: TranscriptWord[];
    dismissed: string[];
  },
  SerializedElementNode
>;

const NO_WORDS: readonly TranscriptWord[] = [];
const NONE: readonly string[] = [];

let idCounter = 0;
/** Ids for segments a person creates (Enter splits a segment); unique within the session and the document. */
export function newSegmentId(): string {
  idCounter += 1;
  return `s${Date.now().toString(36)}-${idCounter.toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export class SegmentNode extends ElementNode {
  __segmentId: string;
  __speaker: string | undefined;
  __startMs: number | undefined;
  __endMs: number | undefined;
  __words: readonly TranscriptWord[];
  __dismissed: readonly string[];

  override $config() {
    return this.config('glossa-segment', { extends: ElementNode });
  }

  // The default argument keeps the constructor's arity 0, which Lexical needs to clone the node.
  constructor(fields: Partial<SegmentFields> = {}, key?: NodeKey) {
    super(key);
    this.__segmentId = fields.segmentId ?? newSegmentId();
    this.__speaker = fields.speaker;
    this.__startMs = fields.startMs;
    this.__endMs = fields.endMs;
    this.__words = fields.words ?? NO_WORDS;
    this.__dismissed = fields.dismissed ?? NONE;
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__segmentId = prevNode.__segmentId;
    this.__speaker = prevNode.__speaker;
    this.__startMs = prevNode.__startMs;
    this.__endMs = prevNode.__endMs;
    this.__words = prevNode.__words;
    this.__dismissed = prevNode.__dismissed;
  }

  override createDOM(): HTMLElement {
    const dom = $getDocument().createElement('p');
    dom.className = 'segment';
    this.writeAttributes(dom);
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    if (
      prevNode.__segmentId !== this.__segmentId ||
      prevNode.__speaker !== this.__speaker ||
      prevNode.__startMs !== this.__startMs
    ) {
      this.writeAttributes(dom);
    }
    return false;
  }

  private writeAttributes(dom: HTMLElement): void {
    dom.dataset.segmentId = this.__segmentId;
    const label = segmentLabel(this.__speaker, this.__startMs, '\n');
    if (label) dom.dataset.label = label;
    else delete dom.dataset.label;
  }

  override exportJSON(): SerializedSegmentNode {
    return {
      ...super.exportJSON(),
      segmentId: this.getSegmentId(),
      ...(this.getSpeaker() !== undefined && { speaker: this.getSpeaker() }),
      ...(this.getLatest().__startMs !== undefined && { startMs: this.getLatest().__startMs }),
      ...(this.getLatest().__endMs !== undefined && { endMs: this.getLatest().__endMs }),
      words: [...this.getWords()],
      dismissed: [...this.getDismissed()],
    };
  }

  override updateFromJSON(json: LexicalParseJSON<SerializedSegmentNode>): this {
    const self = super.updateFromJSON(json).getWritable();
    if (typeof json.segmentId === 'string') self.__segmentId = json.segmentId;
    self.__speaker = typeof json.speaker === 'string' ? json.speaker : undefined;
    self.__startMs = typeof json.startMs === 'number' ? json.startMs : undefined;
    self.__endMs = typeof json.endMs === 'number' ? json.endMs : undefined;
    self.__words = Array.isArray(json.words) ? (json.words as TranscriptWord[]) : NO_WORDS;
    self.__dismissed = Array.isArray(json.dismissed) ? (json.dismissed as string[]) : NONE;
    return self;
  }

  getSegmentId(): string {
    return this.getLatest().__segmentId;
  }
  getSpeaker(): string | undefined {
    return this.getLatest().__speaker;
  }
  getStartMs(): number | undefined {
    return this.getLatest().__startMs;
  }
  getEndMs(): number | undefined {
    return this.getLatest().__endMs;
  }
  getWords(): readonly TranscriptWord[] {
    return this.getLatest().__words;
  }
  getDismissed(): readonly string[] {
    return this.getLatest().__dismissed;
  }

  setSegmentId(id: string): this {
    const self = this.getWritable();
    self.__segmentId = id;
    return self;
  }
  setSpeaker(speaker: string | undefined): this {
    const self = this.getWritable();
    self.__speaker = speaker;
    return self;
  }
  /** Times set by hand (Insert timestamp); undefined clears one. */
  setTimes(startMs: number | undefined, endMs: number | undefined): this {
    const self = this.getWritable();
    self.__startMs = startMs;
    self.__endMs = endMs;
    return self;
  }
  setWords(words: readonly TranscriptWord[]): this {
    const self = this.getWritable();
    self.__words = words;
    return self;
  }
  addDismissed(key: string): this {
    const self = this.getWritable();
    if (!self.__dismissed.includes(key)) self.__dismissed = [...self.__dismissed, key];
    return self;
  }

  /** Enter splits a segment: the new one keeps the speaker, and both keep the words to re-align against. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): SegmentNode {
    const next = $createSegmentNode({
      speaker: this.getSpeaker(),
      words: this.getWords(),
    });
    this.insertAfter(next, restoreSelection);
    return next;
  }

  override canBeEmpty(): boolean {
    return true;
  }
}

export function $createSegmentNode(fields?: Partial<SegmentFields>): SegmentNode {
  return $applyNodeReplacement(new SegmentNode(fields));
}

export function $isSegmentNode(node: LexicalNode | null | undefined): node is SegmentNode {
  return node instanceof SegmentNode;
}

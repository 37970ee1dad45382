/** HTML export, read back with parse5: structure, safety (no scripts, no handlers) and the text. */
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { durationAttribute, escapeHtml, exportHtml } from '../../../shared/export/html';
import type { ExportOptions } from '../../../shared/export/options';
import { documentOf, flag, inputOf, INTERVIEW } from './text-export-fixtures';

interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
}

function page(options: Partial<ExportOptions> = {}, doc = INTERVIEW): Node {
  const { content } = exportHtml(inputOf(doc, options));
  if (typeof content !== 'string') throw new Error('HTML export must be text');
  return parse(content) as unknown as Node;
}

function all(node: Node): Node[] {
  return [node, ...(node.childNodes ?? []).flatMap(all)];
}

function elements(root: Node, tag: string): Node[] {
  return all(root).filter((node) => node.tagName === tag);
}

function text(node: Node): string {
  return all(node)
    .filter((n) => n.nodeName === '#text')
    .map((n) => n.value)
    .join('');
}

function attr(node: Node | undefined, name: string): string | undefined {
  return node?.attrs?.find((a) => a.name === name)?.value;
}

function hasClass(node: Node, className: string): boolean {
  return (attr(node, 'class') ?? '').split(' ').includes(className);
}

const S1 = 'Welcome to <script>alert("x")</script> & more.';
const S2 = "It's *really* [1] #big_news.";

describe('exportHtml', () => {
  const root = page();

  it('is a page with a language, a charset, a title and exactly one h1', () => {
    expect(attr(elements(root, 'html')[0], 'lang')).toBe('nl-BE');
    expect(attr(elements(root, 'meta')[0], 'charset')).toBe('utf-8');
    expect(elements(root, 'title').map(text)).toEqual(['The <NIS> & "you"']);
    expect(elements(root, 'h1').map(text)).toEqual(['The <NIS> & "you"']);
    expect(elements(root, 'main')).toHaveLength(1);
  });

  it.each([{}, { metadataHeader: false }, { timestamps: 'segment' as const }])(
    'runs nothing and loads nothing (%o)',
    (options) => {
      const nodes = all(page(options));
      expect(nodes.filter((n) => n.tagName === 'script')).toEqual([]);
      const attributes = nodes.flatMap((n) => n.attrs ?? []).map((a) => a.name);
      expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
      expect(attributes.filter((name) => ['src', 'href'].includes(name))).toEqual([]);
      expect(nodes.filter((n) => n.tagName === 'link' || n.tagName === 'iframe')).toEqual([]);
    },
  );

  it('has one section per speaker turn with the escaped text read back exactly', () => {
    const sections = elements(root, 'section');
    expect(sections.map((s) => elements(s, 'strong').map(text))).toEqual([['Anna'], ['Bram'], ['Anna']]);
    expect(sections.map((s) => text(elements(s, 'p').find((p) => hasClass(p, 'text')) as Node))).toEqual([
      `${S1} ${S2}`,
      'Thanks, Anna.',
      '- 1. Bye',
    ]);
  });

  it('shows the metadata as a definition list', () => {
    const terms = elements(root, 'dt').map(text);
    const values = elements(root, 'dd').map(text);
    expect(terms.map((t, i) => `${t}=${values[i]}`)).toEqual([
      'Show=Tech Talk',
      'Date=2024-05-01',
      'Source=episode-12.srt',
    ]);
    expect(
      elements(root, 'p')
        .filter((p) => hasClass(p, 'description'))
        .map(text),
    ).toEqual(['A talk about things.']);
  });

  it.each([
    { timestamps: 'none', times: [] },
    { timestamps: 'paragraph', times: ['PT7S 0:07', 'PT754S 12:34', 'PT3723S 1:02:03'] },
    { timestamps: 'segment', times: ['PT7S 0:07', 'PT12S 0:12', 'PT754S 12:34', 'PT3723S 1:02:03'] },
  ] as const)('timestamps $timestamps', ({ timestamps, times }) => {
    const found = elements(page({ timestamps }), 'time').map((t) => `${attr(t, 'datetime')} ${text(t)}`);
    expect(found).toEqual(times);
  });

  it('without the header: no metadata, a hidden h1 still names the page', () => {
    const bare = page({ metadataHeader: false, speakers: false });
    expect(elements(bare, 'dl')).toEqual([]);
    const h1s = elements(bare, 'h1');
    expect(h1s.map((h) => attr(h, 'class'))).toEqual(['visually-hidden']);
    expect(elements(bare, 'strong')).toEqual([]);
  });

  it('an untitled, unlabelled document gets "Transcript" and English', () => {
    const bare = page({}, documentOf([{ text: 'Hello.' }], { language: 'en"><script>' }));
    expect(elements(bare, 'h1').map(text)).toEqual(['Transcript']);
    expect(attr(elements(bare, 'html')[0], 'lang')).toBe('en');
  });

  it('passes the warnings on', () => {
    const output = exportHtml(inputOf(INTERVIEW, {}, [flag('s1', 0, 7), flag('s3', 0, 6)]));
    expect(output.warnings).toEqual(['2 flagged passages are still open']);
  });
});

describe('helpers', () => {
  it.each([
    {
      input: `<a href="x" onclick='y'>&</a>`,
      expected: '&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#60;/a&#62;',
    },
    { input: 'plain', expected: 'plain' },
  ])('escapeHtml $input', ({ input, expected }) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it.each([
    { ms: 0, expected: 'PT0S' },
    { ms: 7_900, expected: 'PT7S' },
    { ms: 3_723_000, expected: 'PT3723S' },
  ])('durationAttribute $ms', ({ ms, expected }) => {
    expect(durationAttribute(ms)).toBe(expected);
  });
});

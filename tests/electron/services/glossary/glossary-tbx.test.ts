import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  exportGlossaryFile,
  importGlossaryFile,
} from '../../../../electron/services/glossary/glossary-exchange';
import { content, fixtureReader, importError, useGlossaryFolder } from './glossary-file-tests';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/glossary/tbx/', import.meta.url));

const fixture = fixtureReader(FIXTURES);
const { openStore, writeFile } = useGlossaryFolder('glossa-tbx-');

const noCounts = (...texts: string[]) => texts.map((text) => ({ text, acceptedCount: 0 }));

describe('importing TBX v2 (martif, TBX-Basic)', () => {
  it('maps statuses to term, forms and variants, and reads notes, sources and subject fields', () => {
    const store = openStore();
    const summary = importGlossaryFile(store, fixture('basic-v2.tbx'), 'basic-v2.tbx');
    expect(summary).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(store.list().map(content)).toEqual([
      {
        term: 'Donbas',
        category: 'other',
        forms: [],
        variants: noCounts('Donbass'),
        notes: 'Ukrainian spelling since 2022 & in AP style.\nSubject field: Geography',
        source: 'https://apnews.com/hub/donbas',
      },
      {
        term: 'Kim Jong Un',
        category: 'other',
        forms: ['Kim Jong-un'],
        variants: noCounts('Kim Jong Eun'),
        notes: 'Leader of North Korea’s ruling party.',
        source: 'Wikipedia',
      },
      {
        // The English langSet, though Korean comes first; the preferred term though it is second.
        term: 'Yoon Suk Yeol',
        category: 'person',
        forms: ['Yoon'],
        variants: noCounts('Yun Seok-yeol', 'Yoon Suk-yol'),
        notes: 'President of South Korea from 2022 to 2025.',
        source: 'https://www.president.go.kr/',
      },
    ]);
  });

  it('reads the language asked for, or each entry’s first language section', () => {
    const store = openStore();
    importGlossaryFile(store, fixture('basic-v2.tbx'), 'basic-v2.tbx', { lang: 'ko' });
    expect(store.list().map((entry) => entry.term)).toEqual(['Donbas', 'Kim Jong Un', '윤석열']);
  });
});

describe('importing TBX v3 (tbx, ISO 30042:2019)', () => {
  it('reads conceptEntry, langSec and termSec (DCA style)', () => {
    const store = openStore();
    importGlossaryFile(store, fixture('dca-v3.tbx'), 'dca-v3.tbx');
    expect(store.list().map(content)).toEqual([
      {
        term: 'Korean Central News Agency',
        category: 'organization',
        forms: ['KCNA'],
        variants: noCounts('Korean Central News Agent'),
        notes: "North Korea's state news agency.",
        source: '',
      },
      // No English section: the first one, German.
      { term: 'Pjöngjang', category: 'other', forms: [], variants: [], notes: '', source: '' },
    ]);
  });

  it('reads the DCT style, where data categories are prefixed elements', () => {
    const store = openStore();
    const text = writeFile(
      'dct.tbx',
      `<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:basic="http://www.tbxinfo.net/ns/basic" xmlns:min="http://www.tbxinfo.net/ns/min">
  <tbxHeader><fileDesc><sourceDesc><p>DCT</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <min:subjectField>place</min:subjectField>
      <langSec xml:lang="en">
        <basic:definition>Capital of North Korea.</basic:definition>
        <termSec><term>Pyongyang</term><basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus></termSec>
        <termSec><term>Pyeongyang</term><basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
`,
    );
    importGlossaryFile(store, text, 'dct.tbx');
    expect(store.list().map(content)).toEqual([
      {
        term: 'Pyongyang',
        category: 'place',
        forms: [],
        variants: noCounts('Pyeongyang'),
        notes: 'Capital of North Korea.',
        source: '',
      },
    ]);
  });
});

describe('refusing bad TBX', () => {
  it('names the line of malformed XML', () => {
    const error = importError(() =>
      importGlossaryFile(openStore(), fixture('malformed.tbx'), 'malformed.tbx'),
    );
    expect(error.line).toBe(8);
    expect(error.message).toMatch(/^malformed\.tbx, line 8: Not well-formed XML: .*langSet/);
  });

  it('refuses entity declarations (billion laughs) without expanding anything', () => {
    const store = openStore();
    const error = importError(() =>
      importGlossaryFile(store, fixture('billion-laughs.tbx'), 'billion-laughs.tbx'),
    );
    expect(error.message).toMatch(/^billion-laughs\.tbx, line 3: The DOCTYPE declares entities/);
    expect(store.count()).toBe(0);
  });

  it('refuses external entities', () => {
    const store = openStore();
    const error = importError(() =>
      importGlossaryFile(store, fixture('external-entity.tbx'), 'external-entity.tbx'),
    );
    expect(error.line).toBe(3);
    expect(store.count()).toBe(0);
  });

  it('refuses an undeclared named entity, naming its line', () => {
    const text = writeFile(
      'nbsp.tbx',
      '<martif>\n<text><body>\n<termEntry>\n<langSet xml:lang="en"><tig><term>Kim&nbsp;Jong Un</term></tig></langSet>\n</termEntry>\n</body></text></martif>\n',
    );
    const error = importError(() => importGlossaryFile(openStore(), text, 'nbsp.tbx'));
    expect(error.message).toBe(
      'nbsp.tbx, line 4: Unknown entity &nbsp;; only &amp; &lt; &gt; &quot; &apos; and character references are read',
    );
  });

  it('is all-or-nothing: a bad entry in the middle changes nothing', () => {
    const store = openStore();
    store.add({ term: 'Kaesong', notes: 'kept as it was' });
    const before = store.list();
    const error = importError(() =>
      importGlossaryFile(store, fixture('bad-entry-in-middle.tbx'), 'bad-entry-in-middle.tbx'),
    );
    expect(error.line).toBe(8);
    expect(error.problem).toMatch(/cannot be a variant/);
    expect(store.list()).toEqual(before);
  });

  it('refuses a file that is not TBX and an unknown status, naming the line', () => {
    const notTbx = writeFile('other.xml', '<?xml version="1.0"?>\n<html><body/></html>\n');
    expect(importError(() => importGlossaryFile(openStore(), notTbx, 'other.xml')).message).toBe(
      'other.xml, line 2: Not a TBX file: the root element is <html>, expected <martif> (TBX v2) or <tbx> (TBX v3)',
    );
    const badStatus = writeFile(
      'status.tbx',
      '<martif><text><body><termEntry>\n<langSet xml:lang="en"><tig><term>A</term>\n<termNote type="administrativeStatus">maybeTerm</termNote></tig></langSet>\n</termEntry></body></text></martif>',
    );
    const error = importError(() => importGlossaryFile(openStore('b.sqlite'), badStatus, 'status.tbx'));
    expect(error.line).toBe(3);
    expect(error.problem).toMatch(/^Unknown administrative status "maybeTerm"/);
  });
});

describe('exporting TBX', () => {
  it('writes TBX-Basic v2 that reads back to the same entries', () => {
    const store = openStore();
    store.add({
      term: 'AT&T <"Ma Bell">',
      category: 'organization',
      forms: ["AT&T's"],
      variants: ['A T and T'],
      notes: 'Line one & <two>\nLine "three"',
      source: 'https://example.com/?a=1&b=2',
    });
    store.add({ term: 'Donbas', category: 'place', variants: ['Donbass', 'Donbass region'] });
    store.add({ term: 'Yoon Suk-yeol (ROK)' });
    const exported = exportGlossaryFile(store, 'tbx');
    expect(exported.fileName).toBe('glossary.tbx');
    expect(exported.text).toContain('<martif type="TBX-Basic" xml:lang="en">');
    expect(exported.text).toContain('<term>AT&amp;T &lt;&quot;Ma Bell&quot;&gt;</term>');
    expect(exported.text).toContain(
      '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>',
    );

    const copy = openStore('copy.sqlite');
    const file = writeFile(exported.fileName, exported.text);
    expect(importGlossaryFile(copy, file, exported.fileName)).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    expect(copy.list().map(content)).toEqual(store.list().map(content));
    // Importing it again into the original changes nothing.
    expect(importGlossaryFile(store, file, exported.fileName)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
  });

  it('writes the language asked for, and reads it back in that language', () => {
    const store = openStore();
    store.add({ term: 'Pyongyang' });
    const exported = exportGlossaryFile(store, 'tbx', { lang: 'en-GB' });
    expect(exported.text).toContain('<langSet xml:lang="en-GB">');
    const copy = openStore('copy.sqlite');
    importGlossaryFile(copy, exported.text, 'copy.tbx', { lang: 'en' });
    expect(copy.list().map((entry) => entry.term)).toEqual(['Pyongyang']);
  });
});

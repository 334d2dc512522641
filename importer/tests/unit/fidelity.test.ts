import { describe, expect, it } from 'vitest';
import { extractAdmission, extractStatus } from '../../src/admission.ts';
import { extractVenue } from '../../src/event-details.ts';
import { parseFrontMatter } from '../../src/front-matter.ts';
import { flattenHtmlBlocks } from '../../src/html-blocks.ts';
import { encodeSpacedDestinations, rewriteBody, type RewriteContext } from '../../src/markdown.ts';
import { matchProgramme, programmeHeadings } from '../../src/programme.ts';
import { chooseEvening } from '../../src/talk-evening.ts';
import { firstParagraph, plainText } from '../../src/text.ts';

const context: RewriteContext = {
  documentPath: '/api-hours/api-hour-7.html',
  postUrl: () => undefined,
  pageUrl: () => undefined,
  fileUrl: () => undefined,
  hasFile: (path) => path.startsWith('images/'),
  site: {},
  page: {},
  oldHosts: ['clermontech.org'],
};

describe('front matter Jekyll accepts (issue 22, class 1)', () => {
  it('reads a quoted title that closes on the next line, as Jekyll does, and says which line it guessed', () => {
    const source =
      '---\nlayout: talk\ntitle: "Des tests qui durent\nplus longtemps que le code"\nauthor: Camille Dupré\n---\nRésumé.\n';
    const { data, body, repairs } = parseFrontMatter(source);
    expect(data).toEqual({
      layout: 'talk',
      title: 'Des tests qui durent plus longtemps que le code',
      author: 'Camille Dupré',
    });
    expect(body).toBe('Résumé.\n');
    expect(repairs).toEqual([{ line: 3, message: 'title: the quoted value closes on line 4; read as one value' }]);
  });

  it.each([
    ["---\ntitle: 'Une soirée\nà deux lignes'\n---\n", { title: 'Une soirée à deux lignes' }],
    [
      '---\ntitle: @clermontech parle de YAML\nauthor: Léa\n---\n',
      { title: '@clermontech parle de YAML', author: 'Léa' },
    ],
    ['---\ntitle: Rust : un an après\n---\n', { title: 'Rust : un an après' }],
    ['---\ntitle: Tabulations\ncategories:\n\t- talks\n---\n', { title: 'Tabulations', categories: ['talks'] }],
  ])('reads %j leniently, with a repair per guessed line', (source, expected) => {
    const { data, repairs } = parseFrontMatter(source);
    expect(data).toEqual(expected);
    expect(repairs.length).toBeGreaterThan(0);
    for (const repair of repairs) expect(repair.line).toBeGreaterThanOrEqual(2);
  });
});

describe('images in links and addresses with spaces (classes 3 and 4)', () => {
  it('uploads an image inside a link and keeps the link', () => {
    const { markdown, assets } = rewriteBody(
      '[![](/images/github-corpo.png)](https://github.com/) et [![logo](/images/gandi.png "Gandi")](http://www.gandi.net/)',
      context,
    );
    expect(markdown).toBe(
      '[![](jekyll-asset:images/github-corpo.png)](https://github.com/) et [![logo](jekyll-asset:images/gandi.png "Gandi")](http://www.gandi.net/)',
    );
    expect(assets.sort()).toEqual(['images/gandi.png', 'images/github-corpo.png']);
  });

  it('encodes the spaces and line breaks Kramdown accepted in an address', () => {
    expect(
      encodeSpacedDestinations('[**11 rue niel**](https://www.openstreetmap.org/?query= 11 rue niel 63100).'),
    ).toBe('[**11 rue niel**](https://www.openstreetmap.org/?query=%2011%20rue%20niel%2063100).');
    expect(
      encodeSpacedDestinations('[Écrivez-lui](mailto:a@b.fr?subject=Ton talk&body=Salut,\nça parle de quoi ?) ;-)'),
    ).toBe('[Écrivez-lui](mailto:a@b.fr?subject=Ton%20talk&body=Salut,%0Aça%20parle%20de%20quoi%20?) ;-)');
    // A title, an angle-bracketed address and Liquid are left as they are.
    for (const kept of [
      '[a](https://x.org "Un titre")',
      '[a](<https://x.org/a b>)',
      '[a]({% post_url 2099-01-01-x %})',
    ])
      expect(encodeSpacedDestinations(kept)).toBe(kept);
  });

  it('reads bold that runs over a line break as text in summaries and excerpts', () => {
    expect(plainText("l'**API Hour Summer\nEdition** Clermont'ech")).toBe("l'API Hour Summer Edition Clermont'ech");
    expect(
      firstParagraph(
        "C'est avec plaisir que nous annonçons l'**API Hour Summer\nEdition** Clermont'ech, après les succès des API Hours.",
      ),
    ).not.toContain('**');
  });
});

describe('venues (class 5)', () => {
  it.each([
    [
      'Cet événement aura lieu le **jeudi 5 mars 2020** à **19h** à la salle Boris Vian, 10 rue Jean Moulin 63000 Clermont-Ferrand.',
      'Salle Boris Vian',
      '10 rue Jean Moulin',
    ],
    [
      "L'apéro aura lieu le **14 mars 2019** à partir de **18H00** au **Délirium café 20 Rue la Tour d'Auvergne, 63000 Clermont-Ferrand**.",
      'Délirium café',
      "20 Rue la Tour d'Auvergne",
    ],
    [
      'Cet événement aura lieu le **jeudi 5 mars 2020** à **19h** au **Bivouac\nnumérique**, 22 allée Alan Turing, 63000 Clermont-Ferrand.',
      'Bivouac numérique',
      '22 allée Alan Turing',
    ],
  ])('%s → %s', (prose, name, street) => {
    expect(extractVenue(prose)).toMatchObject({ name, address: { street, postcode: expect.stringMatching(/^63/) } });
  });

  it('never takes an article for a name', () => {
    expect(
      extractVenue('Cet événement aura lieu le **jeudi 5 mars 2020** à **19h** à **la** salle Boris Vian.').name,
    ).toBeUndefined();
    expect(
      extractVenue('Cet événement aura lieu le **jeudi 5 mars 2020** à **19h** à la **salle**.').name,
    ).toBeUndefined();
  });
});

describe('programme order and durations (classes 6 and 7)', () => {
  const page =
    "## Programme\n\n### Vincent Mazenod • Drupalgeddon (30 min)\n\nTexte.\n\n### Paul Pinault •  La blockchain sans crypto ni bitcoin • 15 min\n\n### Adrien Gallou • Retour sur l'amélioration de la pertinence sur Elasticsearch\n";
  it('matches headings to talks whatever the punctuation, case and accents, and reads durations', () => {
    const headings = programmeHeadings(page);
    expect(headings.map((heading) => heading.duration)).toEqual([undefined, 30, 15, undefined]);
    const talks = [
      {
        title: 'Retour sur l’amélioration de la Pertinence sur ElasticSearch',
        speakers: ['Adrien Gallou'],
        fileName: '2016-07-07-1-adrien-gallou',
      },
      {
        title: 'La Blockchain sans crypto, ni Bitcoin !',
        speakers: ['Paul Pinault'],
        fileName: '2016-07-07-2-paul-pinault',
      },
      { title: 'drupalgeddon', speakers: ['Vincent Mazenod'], fileName: '2016-07-07-3-vincent-mazenod' },
    ];
    const matched = matchProgramme(talks, headings);
    expect([0, 1, 2].map((index) => matched.get(index)?.index)).toEqual([3, 2, 1]);
    expect(matched.get(2)?.duration).toBe(30);
  });

  it('does not take a title in ten minutes for a duration', () => {
    const [heading] = programmeHeadings('### Julien Maupetit • Bioinformatics in 10 minutes');
    expect(heading?.title).toBe('Julien Maupetit • Bioinformatics in 10 minutes');
    expect(heading?.duration).toBeUndefined();
  });
});

describe('a talk’s evening (class 2)', () => {
  it('takes the evening most signals name, and lists the ones that disagree', () => {
    const choice = chooseEvening([
      { source: 'session_url', value: '/api-hours/api-hour-12.html', event: '#12' },
      { source: 'category', value: 'api-hour-13', event: '#13' },
      { source: 'session_name', value: 'API Hour #13', event: '#13' },
      { source: 'date', value: '2015-03-04', event: '#13' },
    ]);
    expect(choice.event).toBe('#13');
    expect(choice.disagreeing.map((signal) => signal.source)).toEqual(['session_url']);
  });
});

describe('HTML blocks (class 9)', () => {
  it('makes an indented table with blank lines one HTML block, so no line of it becomes code', () => {
    const source =
      'Avant.\n\n<table>\n<tbody>\n    <tr>\n        <td>09h00</td>\n\n        <td>Accueil</td>\n    </tr>\n</tbody>\n</table>\n\nAprès.';
    expect(flattenHtmlBlocks(source)).toBe(
      'Avant.\n\n<table>\n<tbody>\n<tr>\n<td>09h00</td>\n<td>Accueil</td>\n</tr>\n</tbody>\n</table>\n\nAprès.',
    );
  });
});

describe('admission and status (class 8, importer side)', () => {
  it.each([
    [
      '## Informations pratiques\n\nLa soirée est payante. Le tarif régulier est de 7 euros, le tarif étudiant de 3 euros.',
      { admission: 'payante', price: 'Le tarif régulier est de 7 euros, le tarif étudiant de 3 euros.' },
    ],
    ['## Inscription\n\nL’inscription est gratuite mais obligatoire.', { admission: 'gratuite' }],
    ['## Programme\n\n### Léa • Un logiciel libre et gratuit\n\nIl coûte 0 € à installer.', {}],
  ])('%j', (markdown, expected) => {
    const { evidence: _evidence, ...admission } = extractAdmission(markdown);
    expect(admission).toEqual(expected);
  });

  it.each([
    ['API Hour #48 (annulé)', 'Texte.', 'annule'],
    ['API Hour #49', '**Cette soirée est reportée** à une date ultérieure.', 'reporte'],
    ['API Hour #50', 'Vu les circonstances, la soirée se tiendra finalement en ligne sur Twitch.', 'en_ligne'],
    ['API Hour #51', 'Cet événement aura lieu au Celtill.\n\n### Un talk sur la gestion des rapports', 'prevu'],
  ])('%s: %j → %s', (title, markdown, status) => {
    expect(extractStatus(title, markdown).status).toBe(status);
  });
});

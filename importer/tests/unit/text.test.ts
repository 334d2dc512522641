import { describe, expect, it } from 'vitest';
import { parseFrontMatter, FrontMatterError } from '../../src/front-matter.ts';
import { cleanUrl, linkLabel, splitAuthors } from '../../src/people.ts';
import { decodeEntities, firstParagraph, nameKey, plainText, slugify, text } from '../../src/text.ts';
import { parseOffset, parseVideo } from '../../src/video.ts';

describe('decodeEntities', () => {
  it.each([
    ["Clermont'ech API Hour &#35;72", "Clermont'ech API Hour #72"],
    ['Workshop &#35;1 : Git', 'Workshop #1 : Git'],
    ['&Eacute;vénements', 'Événements'],
    ['Merci à eux &hearts;', 'Merci à eux ♥'],
    ['bbox&#x3D;3.1&amp;layer', 'bbox=3.1&layer'],
    ['L&#39;atelier', "L'atelier"],
  ])('%s', (value, expected) => {
    expect(decodeEntities(value)).toBe(expected);
  });
});

describe('slugify and nameKey', () => {
  it.each([
    ["Clermont'ech.php", 'clermontech-php'],
    [
      'Ionic 2+, une solution pour la création d’application hybride ?',
      'ionic-2-une-solution-pour-la-creation-d-application-hybride',
    ],
    ['Œuvre & cœur', 'oeuvre-coeur'],
    ['  --  ', ''],
  ])('%s → %s', (value, slug) => {
    expect(slugify(value)).toBe(slug);
  });

  it('cuts long slugs at a dash', () => {
    const slug = slugify('a'.repeat(30) + ' ' + 'b'.repeat(30) + ' ' + 'c'.repeat(30), 70);
    expect(slug).toBe(`${'a'.repeat(30)}-${'b'.repeat(30)}`);
  });

  it('gives one key to spellings of one name', () => {
    expect(nameKey('Noël Martignoni')).toBe(nameKey('Noel  Martignoni'));
    expect(nameKey('Loïc Bourg')).toBe(nameKey('loic bourg'));
  });
});

describe('plainText and firstParagraph', () => {
  it('drops markup', () => {
    expect(plainText('Le **premier** [API Hour](http://x) !<br/> ![](y.png) &#35;1')).toBe('Le premier API Hour ! #1');
  });

  it('skips headings and images for the first paragraph', () => {
    expect(firstParagraph('## Concept\n\n![](x.png)\n\nOyez oyez développeurs ! C’est un plaisir.\n\nSuite.')).toBe(
      'Oyez oyez développeurs ! C’est un plaisir.',
    );
  });
});

describe('text', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['~', undefined],
    [' x ', 'x'],
    [undefined, undefined],
    [null, undefined],
  ])('%j → %j', (value, expected) => {
    expect(text(value)).toBe(expected);
  });
});

describe('splitAuthors', () => {
  it.each([
    ['Julien Maupetit', ['Julien Maupetit']],
    ['Pierre Colomb et Olivier Coupelon', ['Pierre Colomb', 'Olivier Coupelon']],
    ['Julien Muetton & Vincent Mazenod', ['Julien Muetton', 'Vincent Mazenod']],
    ['Julien Muetton + Vincent Mazenod', ['Julien Muetton', 'Vincent Mazenod']],
    ['Ada Lovelace, Alan Turing et Grace Hopper', ['Ada Lovelace', 'Alan Turing', 'Grace Hopper']],
    ['Paul, de chez Acme', ['Paul, de chez Acme']],
    ['Jean-Marie Favreau', ['Jean-Marie Favreau']],
    ['  ', []],
    [undefined, []],
  ])('%j', (value, names) => {
    expect(splitAuthors(value)).toEqual(names);
  });
});

describe('links of people', () => {
  it.each([
    ['https://twitter.com/julienmaupetit', 'Twitter'],
    ['https://mamot.fr/@krichprollsch', 'Mastodon'],
    ['https://piaille.fr/@someone', 'Mastodon'],
    ['https://github.com/willdurand', 'GitHub'],
    ['https://charierefiedler.github.io/', 'GitHub'],
    ['https://www.linkedin.com/in/x', 'LinkedIn'],
    ['http://blog.richarddegenne.fr/', 'Site web'],
  ])('%s → %s', (url, label) => {
    expect(linkLabel(url)).toBe(label);
  });

  it('cleans URLs', () => {
    expect(cleanUrl('twitter.com/x')).toBe('https://twitter.com/x');
    expect(cleanUrl('javascript:alert(1)')).toBeUndefined();
    expect(cleanUrl('')).toBeUndefined();
  });
});

describe('parseVideo', () => {
  it.each([
    ['UKG8EaHwY5E', undefined, { url: 'https://www.youtube.com/watch?v=UKG8EaHwY5E' }],
    ['B5x2gB29X1I ', undefined, { url: 'https://www.youtube.com/watch?v=B5x2gB29X1I' }],
    ['UKG8EaHwY5E?t=95', undefined, { url: 'https://www.youtube.com/watch?v=UKG8EaHwY5E', start: 95 }],
    ['UKG8EaHwY5E#t=1m35s', undefined, { url: 'https://www.youtube.com/watch?v=UKG8EaHwY5E', start: 95 }],
    [
      'https://youtu.be/UKG8EaHwY5E?t=3723',
      undefined,
      { url: 'https://www.youtube.com/watch?v=UKG8EaHwY5E', start: 3723 },
    ],
    [
      'https://www.youtube.com/watch?v=UKG8EaHwY5E&t=1h2m3s',
      undefined,
      { url: 'https://www.youtube.com/watch?v=UKG8EaHwY5E', start: 3723 },
    ],
    [
      'https://www.youtube.com/embed/UKG8EaHwY5E?start=30',
      undefined,
      { url: 'https://www.youtube.com/watch?v=UKG8EaHwY5E', start: 30 },
    ],
    ['UKG8EaHwY5E', '12:30', { url: 'https://www.youtube.com/watch?v=UKG8EaHwY5E', start: 750 }],
    ['https://vimeo.com/123456', undefined, { url: 'https://vimeo.com/123456' }],
  ])('%s (start %s)', (value, start, expected) => {
    expect(parseVideo(value, start)).toEqual(expected);
  });

  it.each(['', '   ', 'not a video'])('refuses %j', (value) => {
    expect(parseVideo(value)).toBeUndefined();
  });

  it('reads offsets', () => {
    expect(parseOffset('90')).toBe(90);
    expect(parseOffset('1:02:03')).toBe(3723);
    expect(parseOffset('2m')).toBe(120);
    expect(parseOffset('soon')).toBeUndefined();
  });
});

describe('parseFrontMatter', () => {
  it('keeps every value a string, empty values included', () => {
    const { data, body } = parseFrontMatter(
      "---\ntitle: Clermont'ech API Hour &#35;1\nvideo: 0123456789e\nslides_url:\ncategories: [talks, api-hour-1 ]\n---\n\nBody\n",
    );
    expect(data).toEqual({
      title: "Clermont'ech API Hour &#35;1",
      video: '0123456789e',
      slides_url: '',
      categories: ['talks', 'api-hour-1'],
    });
    expect(body).toBe('\nBody\n');
  });

  it('reads a list of objects', () => {
    const { data } = parseFrontMatter('---\nsponsors:\n  - { url: "https://x.org", img: "x.png", alt: "X" }\n---\n');
    expect(data.sponsors).toEqual([{ url: 'https://x.org', img: 'x.png', alt: 'X' }]);
  });

  it.each([
    ['---\ntitle: x\n', /no closing/],
    ['---\n- a\n- b\n---\n', /not a list of "key: value"/],
  ])('refuses %j with a one-line message', (source, message) => {
    expect(() => parseFrontMatter(source)).toThrow(FrontMatterError);
    try {
      parseFrontMatter(source);
    } catch (error) {
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});

import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildAtomFeed } from '../../../site/src/lib/atom.ts';

const xml = buildAtomFeed({
  id: 'https://clermontech.org/blog/',
  title: "Blog de Clermont'ech",
  siteUrl: 'https://clermontech.org/blog/',
  feedUrl: 'https://clermontech.org/atom.xml',
  author: "Clermont'ech",
  language: 'fr',
  entries: [
    {
      id: 'https://clermontech.org/blog/dix-ans/',
      title: '10 ans & <toujours> là',
      url: 'https://clermontech.org/blog/dix-ans/',
      published: new Date('2023-03-07T00:00:00Z'),
      updated: new Date('2023-03-08T10:00:00Z'),
      summary: 'Un anniversaire',
      contentHtml: '<p>Merci à <a href="https://clermontech.org/">tous</a> ]]> !</p>',
      author: 'Le bureau',
    },
    {
      id: 'https://clermontech.org/blog/groupes/',
      title: 'clermontech.*',
      url: 'https://clermontech.org/blog/groupes/',
      published: new Date('2017-04-01T00:00:00Z'),
      updated: new Date('2017-04-01T00:00:00Z'),
      language: 'en',
    },
  ],
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

describe('buildAtomFeed', () => {
  it('is well-formed Atom with feed metadata', () => {
    const { feed } = parser.parse(xml);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://clermontech.org/blog/');
    expect(feed.updated).toBe('2023-03-08T10:00:00.000Z');
    expect(feed.link.map((link: Record<string, string>) => link['@rel'])).toEqual(['self', 'alternate']);
  });

  it('escapes titles and carries HTML content as escaped text', () => {
    const { feed } = parser.parse(xml);
    const [first, second] = feed.entry;
    expect(first.title).toBe('10 ans & <toujours> là');
    expect(xml).toContain('<title>10 ans &amp; &lt;toujours&gt; là</title>');
    expect(first.content['@type']).toBe('html');
    expect(xml).not.toContain('<p>Merci');
    expect(first.content['#text']).toBe('<p>Merci à <a href="https://clermontech.org/">tous</a> ]]> !</p>');
    expect(first.author.name).toBe('Le bureau');
    expect(second.author.name).toBe("Clermont'ech");
    expect(second['@xml:lang']).toBe('en');
  });

  it('parses with a strict validator', async () => {
    const { XMLValidator } = await import('fast-xml-parser');
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});

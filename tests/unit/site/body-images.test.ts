import { describe, expect, it } from 'vitest';
import { localizeCmsImages } from '../../../site/src/lib/body-images.ts';

const CMS = 'http://cms.test:1337';

describe('localizeCmsImages', () => {
  const localized: string[] = [];
  const localize = async (src: string) => {
    localized.push(src);
    if (src.includes('missing')) throw new Error('Failed to load remote image\nstack');
    return { src: `/_astro/${src.split('/').pop()!.replace(/\..*$/, '')}.webp`, width: 800, height: 600 };
  };

  it('serves images from the CMS’s uploads from the site, with their size, and leaves the others alone', async () => {
    localized.length = 0;
    const warnings: string[] = [];
    const html = [
      `<p><img src="${CMS}/uploads/git_1_abc.png" alt="Le tableau" /></p>`,
      `<p><img src="${CMS}/uploads/git_1_abc.png" alt="Le tableau" /></p>`,
      '<p><img src="https://example.org/logo.png" alt="ailleurs" /></p>',
      `<p><img src="${CMS}/admin/x.png" alt="pas un fichier" /></p>`,
      `<p><img src="${CMS}/uploads/missing_1.png" alt="Un schéma &quot;perdu&quot;" /></p>`,
    ].join('\n');
    const result = await localizeCmsImages(html, CMS, localize, (message) => warnings.push(message));
    expect(result.split('\n')).toEqual([
      '<p><img src="/_astro/git_1_abc.webp" alt="Le tableau" width="800" height="600" loading="lazy" decoding="async"></p>',
      '<p><img src="/_astro/git_1_abc.webp" alt="Le tableau" width="800" height="600" loading="lazy" decoding="async"></p>',
      '<p><img src="https://example.org/logo.png" alt="ailleurs" /></p>',
      `<p><img src="${CMS}/admin/x.png" alt="pas un fichier" /></p>`,
      '<p><span>Un schéma &quot;perdu&quot;</span></p>',
    ]);
    // Each file is processed once however often it appears.
    expect(localized).toEqual([`${CMS}/uploads/git_1_abc.png`, `${CMS}/uploads/missing_1.png`]);
    expect(warnings).toEqual(['image /uploads/missing_1.png left out: Failed to load remote image']);
  });

  it('keeps a size the text already gives, and decodes the URL it reads', async () => {
    localized.length = 0;
    const html = `<img src="${CMS}/uploads/a.png?v=1&amp;w=2" width="320" alt="" />`;
    const result = await localizeCmsImages(html, CMS, localize, () => undefined);
    expect(localized).toEqual([`${CMS}/uploads/a.png?v=1&w=2`]);
    expect(result).toBe('<img src="/_astro/a.webp" width="320" alt="" height="600" loading="lazy" decoding="async">');
  });
});

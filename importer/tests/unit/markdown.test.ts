import { describe, expect, it } from 'vitest';
import { iframeLink, resolveAssetLinks, rewriteBody, type RewriteContext } from '../../src/markdown.ts';
import {
  jekyllPagePath,
  jekyllPostPath,
  legacyPathVariants,
  parsePostFileName,
  postCategories,
} from '../../src/urls.ts';

const context = (overrides: Partial<RewriteContext> = {}): RewriteContext => ({
  documentPath: '/blog-posts/little-big-event-1-typescript.html',
  postUrl: (name) =>
    ({
      '2013-04-03-1-julien-maupetit-hello-clermontech': '/talks/hello-clermontech/',
      '2013-08-28-api-hour-4': '/api-hours/api-hour-4/',
    })[name],
  pageUrl: (path) =>
    ({
      '/api-hours/api-hour-3.html': '/api-hours/api-hour-3/',
      '/code-of-conduct.html': '/code-de-conduite/',
      '/talks/': '/talks/',
    })[path],
  fileUrl: (path) => (path === 'association.md' ? '/association/' : undefined),
  hasFile: (path) =>
    ['images/gandi.png', 'images/blog-posts/little-big-event/typescript.jpg', 'images/speaker-images/a b.png'].includes(
      path,
    ),
  site: { flickr_id: '96523012@N07', base_url: 'http://clermontech.org' },
  page: { flickr_set_id: '72157650635493757' },
  oldHosts: ['clermontech.org', 'www.clermontech.org'],
  ...overrides,
});

describe('rewriteBody', () => {
  it('resolves {% post_url %} to the new URLs', () => {
    const { markdown, issues } = rewriteBody(
      '[Voir la vidéo]({% post_url 2013-04-03-1-julien-maupetit-hello-clermontech %}) et [#4]({%post_url 2013-08-28-api-hour-4%})',
      context(),
    );
    expect(markdown).toBe('[Voir la vidéo](/talks/hello-clermontech/) et [#4](/api-hours/api-hour-4/)');
    expect(issues).toEqual([]);
  });

  it('reports an unknown {% post_url %} and keeps it', () => {
    const { markdown, issues } = rewriteBody('[x]({% post_url 2099-01-01-nope %})', context());
    expect(markdown).toContain('{% post_url 2099-01-01-nope %}');
    expect(issues[0]?.message).toMatch(/2099-01-01-nope/);
  });

  it('points links to old pages, relative or absolute, at the new ones', () => {
    const { markdown } = rewriteBody(
      '[#3](/api-hours/api-hour-3.html), [CoC](https://www.clermontech.org/code-of-conduct.html#harcelement), [talks](/talks/), [{% link association.md %}]',
      context(),
    );
    expect(markdown).toBe(
      '[#3](/api-hours/api-hour-3/), [CoC](/code-de-conduite/#harcelement), [talks](/talks/), [/association/]',
    );
  });

  it('marks the site’s own files for upload, from absolute, relative and HTML links', () => {
    const { markdown, assets } = rewriteBody(
      '![](/images/gandi.png) ![logo](../images/blog-posts/little-big-event/typescript.jpg) <img src="{{ site.base_url }}/images/gandi.png" width="240px"> ![](/images/speaker-images/a%20b.png)',
      context(),
    );
    expect(markdown).toBe(
      '![](jekyll-asset:images/gandi.png) ![logo](jekyll-asset:images/blog-posts/little-big-event/typescript.jpg) <img src="jekyll-asset:images/gandi.png" width="240px"> ![](jekyll-asset:images/speaker-images/a b.png)',
    );
    expect(assets.sort()).toEqual([
      'images/blog-posts/little-big-event/typescript.jpg',
      'images/gandi.png',
      'images/speaker-images/a b.png',
    ]);
  });

  it('reports a missing image and keeps its link', () => {
    const { markdown, issues } = rewriteBody('![](/images/nope.png)', context());
    expect(markdown).toBe('![](/images/nope.png)');
    expect(issues[0]?.message).toMatch(/missing referenced file \/images\/nope\.png/);
  });

  it('turns iframes into links the site can sanitise', () => {
    const { markdown } = rewriteBody(
      `Avant
<iframe src="//eventbrite.fr/tickets-external?eid=34295067470&ref=etckt" frameborder="0" height="500"></iframe>
<iframe width="100%" src="https://www.openstreetmap.org/export/embed.html?bbox=3.09%2C45.78%2C3.10%2C45.79&amp;layer=mapnik&amp;marker=45.7843%2C3.1015"></iframe>
<iframe src="https://www.youtube.com/embed/UKG8EaHwY5E" allowfullscreen></iframe>
Après`,
      context(),
    );
    expect(markdown).not.toMatch(/<iframe/i);
    expect(markdown).toContain('[Inscription sur Eventbrite](https://www.eventbrite.fr/e/34295067470)');
    expect(markdown).toContain(
      '[Voir le plan](https://www.openstreetmap.org/?mlat=45.7843&mlon=3.1015#map=18/45.7843/3.1015)',
    );
    expect(markdown).toContain('[Voir la vidéo](https://www.youtube.com/watch?v=UKG8EaHwY5E)');
  });

  it('removes scripts, and says so', () => {
    const { markdown, issues } = rewriteBody(
      'Slides :\n\n<script async class="speakerdeck-embed" data-id="abc" src="//speakerdeck.com/assets/embed.js"></script>\n\nFin.',
      context(),
    );
    expect(markdown).toBe('Slides :\n\nFin.');
    expect(issues[0]?.message).toMatch(/<script>/);
  });

  it('replaces dead static maps by the link they wrapped', () => {
    const { markdown } = rewriteBody(
      '[![](http://maps.googleapis.com/maps/api/staticmap?center=Celtill&size=600x400&markers=color:red|45.78431,3.10160)](https://maps.google.fr/maps?q=Celtill)',
      context(),
    );
    expect(markdown).toBe('[Voir le plan](https://maps.google.fr/maps?q=Celtill)');
  });

  it('unwraps <center> blocks, so the Markdown inside them is read as Markdown', () => {
    const { markdown, assets } = rewriteBody(
      'Le lieu :\n\n<center>\n![](/images/gandi.png)\n</center>\n\n<center>\n    <img src="/images/gandi.png" width="240px">\n</center>\n<center><small>par François &hearts;</small></center>\n\n```html\n<center>gardé</center>\n```',
      context(),
    );
    expect(markdown).toBe(
      'Le lieu :\n\n![](jekyll-asset:images/gandi.png)\n\n<img src="jekyll-asset:images/gandi.png" width="240px">\n\n<small>par François &hearts;</small>\n\n```html\n<center>gardé</center>\n```',
    );
    expect(assets).toEqual(['images/gandi.png']);
  });

  it('fills {{ site.* }} and {{ page.* }}, converts highlight blocks, keeps raw and fenced code', () => {
    const { markdown } = rewriteBody(
      '<a href="https://www.flickr.com/photos/{{ site.flickr_id }}/sets/{{ page.flickr_set_id }}">photos</a>\n\n{% highlight js %}\nconst a = 1;\n{% endhighlight %}\n\n{% raw %}{{ kept }}{% endraw %}\n\n```\n[x](/images/gandi.png)\n```',
      context(),
    );
    expect(markdown).toContain('href="https://www.flickr.com/photos/96523012@N07/sets/72157650635493757"');
    expect(markdown).toContain('```js\nconst a = 1;\n```');
    expect(markdown).toContain('{{ kept }}');
    expect(markdown).toContain('```\n[x](/images/gandi.png)\n```');
  });

  it('replaces uploaded files’ links', () => {
    expect(
      resolveAssetLinks('![](jekyll-asset:images/a.png) ![](jekyll-asset:images/b.png)', (path) =>
        path === 'images/a.png' ? 'http://cms/uploads/a_1.png' : undefined,
      ),
    ).toBe('![](http://cms/uploads/a_1.png) ![](/images/b.png)');
  });

  it('labels other embeds by host', () => {
    expect(iframeLink('https://docs.google.com/presentation/d/x/embed')).toEqual({
      label: 'Contenu intégré (docs.google.com)',
      url: 'https://docs.google.com/presentation/d/x/embed',
    });
    expect(iframeLink('javascript:alert(1)')).toBeUndefined();
  });
});

describe('legacy paths (permalink: none)', () => {
  it.each([
    ['_posts/2013-03-25-api-hour-1.md', { category: 'api-hours' }, '/api-hours/api-hour-1.html'],
    [
      '_posts/2013-04-03-1-julien-maupetit-hello-clermontech.md',
      { categories: ['talks', 'api-hour-1'] },
      '/talks/api-hour-1/1-julien-maupetit-hello-clermontech.html',
    ],
    [
      '_posts/2015-02-05-repas-des-speakers-2014.md',
      { categories: ['blog-posts'] },
      '/blog-posts/repas-des-speakers-2014.html',
    ],
    ['_posts/2017-05-02-clermontech-php-1.md', { category: 'groups' }, '/groups/clermontech-php-1.html'],
    ['_posts/2014-10-14-workshop-1-git.md', { category: 'workshops' }, '/workshops/workshop-1-git.html'],
    ['_posts/2018-03-14-devcamp-1.md', { category: 'devcamp' }, '/devcamp/devcamp-1.html'],
    ['_posts/2018-03-14-x.md', { categories: 'Talks API-Hour-9' }, '/talks/api-hour-9/x.html'],
    ['_posts/2018-03-14-x.md', { category: 'blog', permalink: '/mon-billet/' }, '/mon-billet/'],
  ])('%s', (path, data, legacyPath) => {
    expect(jekyllPostPath(path, data, 'none')).toBe(legacyPath);
  });

  it('uses Jekyll’s default "date" style without a setting', () => {
    expect(jekyllPostPath('_posts/2018-03-14-x.md', { category: 'blog' }, undefined)).toBe('/blog/2018/03/14/x.html');
  });

  it.each([
    ['association.md', '/association.html'],
    ['code-of-conduct.md', '/code-of-conduct.html'],
    ['index.md', '/'],
    ['api-hours/index.md', '/api-hours/'],
    ['api-hours/wishlist.md', '/api-hours/wishlist.html'],
  ])('page %s → %s', (path, legacyPath) => {
    expect(jekyllPagePath(path, {})).toBe(legacyPath);
  });

  it('reads post file names', () => {
    expect(parsePostFileName('_posts/2013-04-03-1-julien-maupetit-hello-clermontech.md')).toEqual({
      date: '2013-04-03',
      slug: '1-julien-maupetit-hello-clermontech',
      order: 1,
      ext: 'md',
    });
    expect(parsePostFileName('_posts/2017-11-02-julien-muetton-darknet.md')?.order).toBeUndefined();
    expect(parsePostFileName('_posts/notes.md')).toBeUndefined();
  });

  it('merges category, categories and folders', () => {
    expect(
      postCategories('api-hours/_posts/2020-01-01-x.md', { category: 'talks', categories: ['api-hour-50'] }),
    ).toEqual(['api-hours', 'api-hour-50', 'talks']);
  });

  it('lists the forms a path was linked with', () => {
    expect(legacyPathVariants('/api-hours/api-hour-1.html')).toEqual([
      '/api-hours/api-hour-1.html',
      '/api-hours/api-hour-1',
    ]);
    expect(legacyPathVariants('/api-hours/')).toEqual(['/api-hours/', '/api-hours/index.html', '/api-hours']);
  });
});

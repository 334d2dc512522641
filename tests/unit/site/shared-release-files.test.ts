import { describe, expect, it } from 'vitest';
import { outputCandidates } from '../../../site/src/integrations/shared-release-files.ts';

/**
 * A page Astro is about to write is unlinked from the new release first, so the live release is
 * never written through a shared file: the candidates must include the file Astro writes for each
 * kind of path the site has, with `build.format: 'directory'`.
 */
describe('the files Astro may write for a path', () => {
  it.each([
    ['/', 'index.html'],
    ['/talks/files-de-messages/', 'talks/files-de-messages/index.html'],
    ['/talks/files-de-messages', 'talks/files-de-messages/index.html'],
    ['/404', '404.html'],
    ['/atom.xml', 'atom.xml'],
    ['/events.ics', 'events.ics'],
    ['/og/talks/files-de-messages.png', 'og/talks/files-de-messages.png'],
    ['/blog/2014/03/12/soirée-été/', 'blog/2014/03/12/soirée-été/index.html'],
  ])('%s → %s', (pathname, file) => {
    expect(outputCandidates(pathname)).toContain(file);
  });

  it('names only files of that path, never one of another page', () => {
    expect(outputCandidates('/talks/x/')).toEqual(['talks/x', 'talks/x.html', 'talks/x/index.html']);
    expect(outputCandidates('/talks/')).not.toContain('talks/x/index.html');
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteDifferences } from '../../../site/publisher/release-diff.ts';
import { writeFiles } from '../../helpers/releases.ts';

const site = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'site-'));
  writeFiles(dir, files);
  return dir;
};

describe('comparing two built sites', () => {
  it('finds nothing between the same files, whatever preview server each keeps and whenever each calendar was written', () => {
    const live = site({
      'index.html': '<h1>Accueil</h1>',
      'events.ics': 'BEGIN:VEVENT\r\nDTSTAMP:20261202T100000Z\r\nSUMMARY:API Hour\r\n',
      '_server/entry.mjs': 'old',
    });
    const clean = site({
      'index.html': '<h1>Accueil</h1>',
      'events.ics': 'BEGIN:VEVENT\r\nDTSTAMP:20261202T113000Z\r\nSUMMARY:API Hour\r\n',
      '_server/entry.mjs': 'new',
    });
    expect(siteDifferences(live, clean)).toEqual([]);
  });

  it('names every file whose bytes differ, and the files only one site has', () => {
    const live = site({
      'index.html': 'a',
      'talks/old/index.html': 'gone',
      'events.ics': 'DTSTAMP:1\r\nSUMMARY:Avant\r\n',
    });
    const clean = site({
      'index.html': 'b',
      'talks/new/index.html': 'new',
      'events.ics': 'DTSTAMP:1\r\nSUMMARY:Après\r\n',
    });
    expect(siteDifferences(live, clean)).toEqual([
      'events.ics',
      'index.html',
      'talks/new/index.html (missing)',
      'talks/old/index.html (extra)',
    ]);
  });
});

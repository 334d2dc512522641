import { describe, expect, it } from 'vitest';
import { acceptedFormatOf } from '../../../cms/src/uploads/accepted-formats.ts';
import { SCRIPT_HTML, SCRIPT_SVG, tinyPng } from '../../helpers/uploads.ts';

const head = (content: Buffer | string) => Buffer.concat([Buffer.from(content), Buffer.alloc(16)]).subarray(0, 16);

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const GIF = 'GIF89a\u0001\u0000';
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
const AVIF = Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from('ftypavif')]);
const PDF = '%PDF-1.7\n';
const ZIP = Buffer.from('PK\u0003\u0004\u0014\u0000');

describe('acceptedFormatOf', () => {
  it.each([
    [tinyPng(), '.png', 'image/png'],
    [JPEG, '.jpg', 'image/jpeg'],
    [JPEG, '.JPEG', 'image/jpeg'],
    [GIF, '.gif', 'image/gif'],
    [WEBP, '.webp', 'image/webp'],
    [AVIF, '.avif', 'image/avif'],
    [PDF, '.pdf', 'application/pdf'],
    [ZIP, '.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    [ZIP, '.odp', 'application/vnd.oasis.opendocument.presentation'],
  ])('accepts %#: content and extension %s agree, stored as %s', (content, extension, mime) => {
    expect(acceptedFormatOf(head(content), extension)?.mime).toBe(mime);
  });

  it.each([
    ['an SVG named .png', SCRIPT_SVG, '.png'],
    ['an SVG named .svg', SCRIPT_SVG, '.svg'],
    ['HTML named .jpg', SCRIPT_HTML, '.jpg'],
    ['a PNG named .html (served as a page)', tinyPng(), '.html'],
    ['a PNG named .svg', tinyPng(), '.svg'],
    ['a PNG with no extension', tinyPng(), ''],
    ['a JPEG named .png', JPEG, '.png'],
    ['a ZIP named .zip', ZIP, '.zip'],
    ['a PDF named .pptx', PDF, '.pptx'],
    ['an empty file', '', '.png'],
  ])('refuses %s', (_what, content, extension) => {
    expect(acceptedFormatOf(head(content), extension)).toBeUndefined();
  });
});

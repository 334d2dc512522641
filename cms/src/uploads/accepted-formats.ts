/** A kind of file volunteers may upload, recognised by how its content starts. */
export interface AcceptedFormat {
  name: string;
  /** The MIME type the file is stored and served with. */
  mime: string;
  /** The file-name extensions it may carry (lower case, with the dot): the stored file keeps its extension, and the extension decides how it is served. */
  extensions: readonly string[];
  matches(head: Buffer): boolean;
}

/** How many bytes of a file `matches` looks at. */
export const HEAD_BYTES = 16;

const startsWith = (head: Buffer, bytes: readonly number[]) =>
  head.subarray(0, bytes.length).equals(Buffer.from(bytes));
const isZip = (head: Buffer) => head.toString('latin1', 0, 4) === 'PK\u0003\u0004';

/**
 * Photos, logos and slides. SVG and HTML can carry scripts that would run on the CMS's origin, so
 * they are not here; neither is anything a browser could take for a page.
 */
export const ACCEPTED_FORMATS: readonly AcceptedFormat[] = [
  {
    name: 'PNG',
    mime: 'image/png',
    extensions: ['.png'],
    matches: (head) => startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    name: 'JPEG',
    mime: 'image/jpeg',
    extensions: ['.jpg', '.jpeg'],
    matches: (head) => startsWith(head, [0xff, 0xd8, 0xff]),
  },
  {
    name: 'GIF',
    mime: 'image/gif',
    extensions: ['.gif'],
    matches: (head) => /^GIF8[79]a/.test(head.toString('latin1', 0, 6)),
  },
  {
    name: 'WebP',
    mime: 'image/webp',
    extensions: ['.webp'],
    matches: (head) => head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP',
  },
  {
    name: 'AVIF',
    mime: 'image/avif',
    extensions: ['.avif'],
    matches: (head) => /^ftypavi[fs]$/.test(head.toString('latin1', 4, 12)),
  },
  {
    name: 'PDF',
    mime: 'application/pdf',
    extensions: ['.pdf'],
    matches: (head) => head.toString('latin1', 0, 5) === '%PDF-',
  },
  // Slides are ZIP archives: the extension tells PPTX from ODP.
  {
    name: 'PPTX',
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['.pptx'],
    matches: isZip,
  },
  { name: 'ODP', mime: 'application/vnd.oasis.opendocument.presentation', extensions: ['.odp'], matches: isZip },
];

/** The one-line list volunteers read when a file is refused. */
export const ACCEPTED_FORMAT_NAMES = ACCEPTED_FORMATS.map((format) => format.name).join(', ');

/** The accepted format a file is, from its first bytes and its name's extension; undefined when it is none of them. */
export function acceptedFormatOf(head: Buffer, extension: string): AcceptedFormat | undefined {
  return ACCEPTED_FORMATS.find((format) => format.extensions.includes(extension.toLowerCase()) && format.matches(head));
}

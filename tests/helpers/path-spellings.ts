/**
 * Ways of spelling one route's path that a lenient router, proxy or decoder may treat as the same
 * route: letter case, percent-encoded letters, repeated and trailing slashes, and mixes of them.
 * Only `literal` segments are respelt: `rest` (a documentId, case-sensitive) is kept as is.
 */
export interface PathSpelling {
  name: string;
  spell(literal: string[], rest: string[]): string;
}

const join = (segments: string[]) => `/${segments.join('/')}`;
const upper = (segment: string) => segment.toUpperCase();
const capitalised = (segment: string) => segment.charAt(0).toUpperCase() + segment.slice(1);
const alternating = (segment: string) =>
  [...segment].map((letter, index) => (index % 2 ? letter.toUpperCase() : letter)).join('');
/** The first letter as `%xx` (lower- or upper-case hex digits). */
const encodeFirst = (segment: string, hex: (text: string) => string = (text) => text) =>
  `%${hex(segment.charCodeAt(0).toString(16))}${segment.slice(1)}`;
const mapFirst = (segments: string[], change: (segment: string) => string) =>
  segments.map((segment, index) => (index === 0 ? change(segment) : segment));
const mapAll = (segments: string[], change: (segment: string) => string) => segments.map(change);

export const PATH_SPELLINGS: PathSpelling[] = [
  { name: 'as documented', spell: (literal, rest) => join([...literal, ...rest]) },
  { name: 'upper-case prefix', spell: (literal, rest) => join([...mapFirst(literal, upper), ...rest]) },
  { name: 'capitalised', spell: (literal, rest) => join([...mapAll(literal, capitalised), ...rest]) },
  { name: 'all upper-case', spell: (literal, rest) => join([...mapAll(literal, upper), ...rest]) },
  { name: 'alternating case', spell: (literal, rest) => join([...mapAll(literal, alternating), ...rest]) },
  {
    name: 'percent-encoded prefix letter',
    spell: (literal, rest) => join([...mapFirst(literal, (segment) => encodeFirst(segment)), ...rest]),
  },
  {
    name: 'percent-encoded letters, upper-case hex',
    spell: (literal, rest) => join([...mapAll(literal, (segment) => encodeFirst(segment, upper)), ...rest]),
  },
  { name: 'leading double slash', spell: (literal, rest) => `/${join([...literal, ...rest])}` },
  {
    name: 'double slash after the prefix',
    spell: (literal, rest) => `/${literal[0]}/${join([...literal.slice(1), ...rest])}`,
  },
  { name: 'trailing slash', spell: (literal, rest) => `${join([...literal, ...rest])}/` },
  {
    name: 'upper-case, double and trailing slashes',
    spell: (literal, rest) =>
      `/${upper(literal[0]!)}//${[...mapAll(literal.slice(1), capitalised), ...rest].join('//')}/`,
  },
  {
    name: 'encoded, upper-case and doubled',
    spell: (literal, rest) =>
      `//${[...mapAll(literal, (segment) => encodeFirst(upper(segment))), ...rest].join('//')}//`,
  },
];

/** Every spelling of `/api/<type>[/<id>]`, by name. */
export function spellingsOf(literal: string[], rest: string[] = []): { name: string; path: string }[] {
  return PATH_SPELLINGS.map(({ name, spell }) => ({ name, path: spell(literal, rest) }));
}

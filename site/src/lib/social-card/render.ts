import satori from 'satori';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH, type SocialCard } from './card.ts';
import { cardFonts } from './fonts.ts';
import { LOGO_HEIGHT, type CardLogo } from './logo.ts';

/** The brand's colours (styles/global.css holds the same tokens for the pages). */
const BRAND = '#2ba6cb';
const BRAND_DARK = '#05292c';
const TINT = '#bfeaf7';

type Node = Parameters<typeof satori>[0];
type Style = Record<string, string | number>;

const h = (type: string, style: Style, children: Node | Node[] = [], props: Record<string, unknown> = {}): Node => ({
  type,
  key: null,
  props: { ...props, style: { display: 'flex', ...style }, children },
});

/** Long titles get smaller type, so that every title fits on three lines at most. */
function titleSize(title: string): number {
  if (title.length <= 40) return 76;
  if (title.length <= 70) return 62;
  if (title.length <= 110) return 50;
  return 42;
}

const clip = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;

/** The card as satori's element tree: the logo and label on a dark band, the title, then date and people. */
function layout(card: SocialCard, logo: CardLogo | undefined): Node {
  const people =
    card.people.length > 4
      ? `${card.people.slice(0, 3).join(', ')} et ${card.people.length - 3} autres`
      : card.people.join(', ');
  return h(
    'div',
    {
      width: '100%',
      height: '100%',
      flexDirection: 'column',
      backgroundColor: BRAND_DARK,
      color: '#ffffff',
      fontFamily: 'Oswald',
    },
    [
      h('div', { height: 18, backgroundColor: BRAND }),
      h('div', { flex: 1, flexDirection: 'column', padding: '48px 72px 56px' }, [
        h('div', { alignItems: 'center', gap: 28 }, [
          ...(logo
            ? [
                h('img', { width: logo.width, height: LOGO_HEIGHT, borderRadius: 16 }, [], {
                  src: logo.src,
                  width: logo.width,
                  height: LOGO_HEIGHT,
                }),
              ]
            : []),
          h('div', { fontSize: 34, color: TINT, textTransform: 'uppercase', letterSpacing: 2 }, clip(card.label, 48)),
        ]),
        h('div', { flex: 1, alignItems: 'center' }, [
          h(
            'div',
            { fontSize: titleSize(card.title), fontWeight: 600, lineHeight: 1.15, textTransform: 'uppercase' },
            clip(card.title, 150),
          ),
        ]),
        h('div', { flexDirection: 'column', gap: 6, fontSize: 34 }, [
          ...(card.date ? [h('div', { color: BRAND }, card.date)] : []),
          ...(people ? [h('div', { color: '#e4eef0' }, clip(people, 90))] : []),
        ]),
      ]),
    ],
  );
}

/**
 * The card as a 1200×630 PNG. `logo` is the association's logo (cardLogo()), or nothing: the card
 * then carries the label alone. Text is drawn as outlines by satori, so the PNG does
 * not depend on the fonts of the machine that builds it.
 */
export async function renderSocialCard(card: SocialCard, logo: CardLogo | undefined): Promise<Buffer> {
  const svg = await satori(layout(card, logo), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: await cardFonts() });
  // Flat colours: a palette PNG is a third of a full-colour one and looks the same; at effort 1
  // the quantiser is several times faster than its default, for the same bytes on these cards;
  // no dithering keeps the brand's flat colours flat.
  return sharp(Buffer.from(svg)).png({ palette: true, compressionLevel: 9, effort: 1, dither: 0 }).toBuffer();
}

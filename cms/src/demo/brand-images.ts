/**
 * The demo's logo and mascot: drawn for this project (a platypus, as the association's), so a fresh
 * installation shows an identity without shipping the association's own files. The media library
 * refuses SVG uploads, so they are rendered to PNG.
 */
import sharp from 'sharp';

/** The platypus, facing left: tail, body, head, bill, feet, eye. `body` and `bill` colour its parts. */
function platypus({
  body,
  tail,
  bill,
  feet,
  eye,
}: {
  body: string;
  tail: string;
  bill: string;
  feet: string;
  eye: string;
}): string {
  return [
    `<ellipse cx="300" cy="228" rx="72" ry="36" transform="rotate(-12 300 228)" fill="${tail}"/>`,
    `<ellipse cx="150" cy="290" rx="26" ry="12" fill="${feet}"/>`,
    `<ellipse cx="258" cy="290" rx="26" ry="12" fill="${feet}"/>`,
    `<ellipse cx="205" cy="232" rx="108" ry="58" fill="${body}"/>`,
    `<circle cx="118" cy="210" r="46" fill="${body}"/>`,
    `<ellipse cx="56" cy="224" rx="50" ry="19" fill="${bill}"/>`,
    `<circle cx="122" cy="194" r="8" fill="${eye}"/>`,
  ].join('');
}

/** A blue disc with the platypus in white, as the association's logo is drawn. */
export const DEMO_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">
<circle cx="200" cy="200" r="194" fill="#2ba6cb" stroke="#ffffff" stroke-width="8"/>
<g transform="translate(26 -6) scale(0.88)">${platypus({ body: '#ffffff', tail: '#ffffff', bill: '#ffffff', feet: '#ffffff', eye: '#2ba6cb' })}</g>
</svg>`;

/** The mascot in colour, on a transparent background. */
export const DEMO_MASCOT_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="180" viewBox="0 110 400 180">
<g transform="translate(0 -35)">${platypus({ body: '#8a5a34', tail: '#6b4428', bill: '#2f3a40', feet: '#e39b3c', eye: '#111111' })}</g>
</svg>`;

export interface DemoImage {
  /** File name in the media library. */
  name: string;
  bytes: Buffer;
}

/** The logo and the mascot as PNG files. */
export async function demoBrandImages(): Promise<{ logo: DemoImage; mascot: DemoImage }> {
  const png = (svg: string) => sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
  return {
    logo: { name: 'logo-demo.png', bytes: await png(DEMO_LOGO_SVG) },
    mascot: { name: 'mascotte-demo.png', bytes: await png(DEMO_MASCOT_SVG) },
  };
}

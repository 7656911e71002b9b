import { AppError } from '#src/lib/errors.ts';

const MAX_ALT = 300;

/** The alt text of a picture, trimmed; refuses an empty or overlong one with an `alt` field error. */
export function checkAltText(alt: string): string {
  const text = alt.trim();
  if (!text) {
    throw new AppError('VALIDATION', 'Every picture needs alt text.', {
      fields: { alt: 'Describe the picture for people who cannot see it, like "Blue 30 ml dropper bottle".' },
    });
  }
  if (text.length > MAX_ALT) {
    throw new AppError('VALIDATION', 'The alt text is too long.', {
      fields: { alt: `Keep the alt text to ${MAX_ALT} characters.` },
    });
  }
  return text;
}

import { AppError } from '#src/lib/errors.ts';
import { checkAltText } from './alt-text.ts';
import { checkImageBytes } from './image-files.ts';

/**
 * Checks an uploaded picture and its alt text together, so a form can name every problem at once: answers the
 * trimmed alt text, or throws one error with a field error for each (`alt`, `image`). A picture over 10 MB is
 * PAYLOAD_TOO_LARGE, anything else VALIDATION.
 */
export function checkPictureUpload(bytes: Uint8Array, alt: string): string {
  const problems: AppError[] = [];
  let text = '';
  for (const check of [() => (text = checkAltText(alt)), () => checkImageBytes(bytes)]) {
    try {
      check();
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      problems.push(err);
    }
  }
  const [first] = problems;
  if (!first) return text;
  const tooLarge = problems.find((p) => p.code === 'PAYLOAD_TOO_LARGE');
  const fields = Object.assign({}, ...problems.map((p) => p.fields ?? {}));
  throw new AppError(tooLarge ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION', (tooLarge ?? first).message, { fields });
}

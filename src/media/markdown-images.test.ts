import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '#src/lib/markdown.ts';
import { markdownOfUpload, srcsetOfAddress } from './markdown-images.ts';

const HASH = '0123456789abcdef0123456789abcdef';
const images = { srcsetOf: srcsetOfAddress, sizes: '100vw' };

describe('pictures in Markdown', () => {
  it('names the largest width, with the alt text on one line and its brackets escaped', () => {
    const upload = { hash: HASH, width: 1000, height: 500, widths: [320, 640, 1000] };
    expect(markdownOfUpload(upload, '  Vial [left]\nand tray \\ ')).toBe(
      `![Vial \\[left\\] and tray \\\\](/media/images/${HASH}/1000.webp)`,
    );
    const html = renderMarkdown(markdownOfUpload(upload, 'Vial [left]'), { images });
    expect(html).toContain('alt="Vial [left]"');
    expect(html).toContain(
      `srcset="/media/images/${HASH}/320.webp 320w, /media/images/${HASH}/640.webp 640w, /media/images/${HASH}/1000.webp 1000w"`,
    );
  });

  it('offers the smaller widths of an upload only, never of another address', () => {
    expect(srcsetOfAddress(`/media/images/${HASH}/200.webp`)).toBe(`/media/images/${HASH}/200.webp 200w`);
    expect(srcsetOfAddress(`/media/images/${HASH}/1280.webp`)).toContain('320w, ');
    for (const other of [
      'https://cdn.example.com/media/images/x/640.webp',
      `/media/images/${HASH}/640.webp?x=1`,
      `/media/images/${HASH.toUpperCase()}/640.webp`,
      `//evil.example/media/images/${HASH}/640.webp`,
    ]) {
      expect(srcsetOfAddress(other)).toBeUndefined();
    }
  });

  it('lets no author write srcset or sizes, and drops unsafe picture addresses', () => {
    const html = renderMarkdown(
      [
        '<img src="x" srcset="javascript:alert(1) 1w">',
        '![a](data:image/png;base64,AAAA)',
        '![b](//evil.example/x.png)',
        '![c](http://plain.example/x.png)',
      ].join('\n\n'),
      { images },
    );
    expect(html).not.toMatch(/<img[^>]*(srcset|data:|evil|http:)/);
  });
});

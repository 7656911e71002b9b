// The scan a demo customer "uploaded" with their licence: a one-page PDF that staff open from the review page,
// written out here since the demo store downloads nothing. It says on its face that it is a specimen, so that
// nobody takes it for a licence.

export type SpecimenFacts = {
  typeLabel: string;
  number: string;
  issuingState: string;
  holderName: string;
  expiresOn: string;
};

// PDF strings are bytes between parentheses; these three must be escaped, and the demo texts are plain ASCII.
function pdfText(text: string): string {
  return `(${text.replace(/[\\()]/g, (ch) => `\\${ch}`)})`;
}

function pageContent(facts: SpecimenFacts): string {
  const line = (font: 'F1' | 'F2', size: number, y: number, text: string) =>
    `BT /${font} ${size} Tf 48 ${y} Td ${pdfText(text)} Tj ET`;
  return [
    // A frame, and a teal band across the top like the store's own colour.
    '0.06 0.46 0.43 rg 24 312 564 60 re f',
    '0.06 0.46 0.43 RG 2 w 24 24 564 348 re S',
    '1 1 1 rg',
    line('F2', 20, 334, 'SPECIMEN - demo licence document'),
    '0.12 0.16 0.2 rg',
    line('F2', 15, 270, facts.typeLabel),
    line('F1', 12, 240, `Licence number: ${facts.number}`),
    line('F1', 12, 218, `Issuing state: ${facts.issuingState}`),
    line('F1', 12, 196, `Holder: ${facts.holderName}`),
    line('F1', 12, 174, `Valid until: ${facts.expiresOn}`),
    '0.32 0.38 0.43 rg',
    line(
      'F1',
      10,
      80,
      'Made up for the FACE Med Store demo. No board issued it, and it licenses nobody to do anything.',
    ),
    line('F1', 10, 64, 'Staff may open, approve or reject it like any customer upload.'),
  ].join('\n');
}

/** A one-page PDF (US letter, landscape half sheet) showing the licence facts, marked as a specimen. */
export function drawSpecimenLicence(facts: SpecimenFacts): Uint8Array {
  const content = pageContent(facts);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 396] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

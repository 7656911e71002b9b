// Uploads a picture for the article's text without leaving the editor, and puts its Markdown line where the
// cursor was in the body. The editor needs none of this: its Upload button posts the whole form, and the page
// comes back with the text as typed and the line to copy.

const box = document.getElementById('body-picture-fields');
const body = document.getElementById('f-body');
const button = document.getElementById('upload-body-picture');
const file = document.getElementById('f-imageFile');
const alt = document.getElementById('f-imageAlt');
const status = document.getElementById('body-picture-status');

// Where the line goes: the cursor in the body when the author left it for the upload fields.
let cursor = body ? body.value.length : 0;
const remember = () => {
  cursor = body.selectionStart;
};

// The line on a paragraph of its own, so Markdown shows the picture as a block.
function insertLine(line) {
  const before = body.value.slice(0, cursor);
  const after = body.value.slice(cursor);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  body.value = `${before}${lead}${line}${trail}${after}`;
  cursor = before.length + lead.length + line.length;
  body.focus();
  body.setSelectionRange(cursor, cursor);
  // The preview script refreshes on input, so the picture shows beside the text at once.
  body.dispatchEvent(new Event('input', { bubbles: true }));
}

async function upload(event) {
  event.preventDefault();
  const data = new FormData();
  data.append('_csrf', button.form.elements.namedItem('_csrf').value);
  data.append('imageAlt', alt.value);
  if (file.files[0]) data.append('imageFile', file.files[0]);
  status.textContent = 'Uploading the picture…';
  button.disabled = true;
  try {
    const response = await fetch(box.dataset.upload, {
      method: 'POST',
      body: data,
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    const answer = await response.json().catch(() => ({ message: `The upload failed (${response.status}).` }));
    if (!response.ok) {
      const errors = answer.errors ?? {};
      status.textContent = [errors.imageFile, errors.imageAlt].filter(Boolean).join(' ') || answer.message;
      return;
    }
    insertLine(answer.markdown);
    file.value = '';
    alt.value = '';
    status.textContent = 'Picture uploaded and placed in the text at the cursor.';
  } catch {
    status.textContent = 'The picture could not be sent: check the connection and try again.';
  } finally {
    button.disabled = false;
  }
}

if (box && body && button && file && alt && status) {
  for (const type of ['keyup', 'click', 'input', 'blur']) body.addEventListener(type, remember);
  button.addEventListener('click', upload);
}

// Shows a form's business fields only while "Business" is the chosen account type. Hidden fields are also
// disabled, so a client's form sends none of them. Without this script every field stays visible, with a note
// saying who they are for, and the server ignores them for a client account.
for (const form of document.querySelectorAll('form[data-account-type-form]')) {
  const fields = form.querySelector('[data-business-only]');
  if (!fields) continue;
  const update = () => {
    const isBusiness = form.querySelector('input[name="accountType"]:checked')?.value === 'business';
    fields.hidden = !isBusiness;
    fields.disabled = !isBusiness;
  };
  for (const radio of form.querySelectorAll('input[name="accountType"]')) radio.addEventListener('change', update);
  form.classList.add('has-account-type-script');
  update();
}

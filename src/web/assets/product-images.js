// Dragging the pictures of a product into a new order. Without this script the position numbers do the same.
const list = document.querySelector('.image-list[data-order-action]');
if (list) {
  const token = document.querySelector('input[name="_csrf"]')?.value ?? '';
  let dragged = null;
  list.addEventListener('dragstart', (event) => {
    dragged = event.target.closest('.image-item');
    if (dragged) {
      dragged.classList.add('is-dragging');
      event.dataTransfer.effectAllowed = 'move';
    }
  });
  list.addEventListener('dragover', (event) => {
    const over = event.target.closest('.image-item');
    if (!dragged || !over || over === dragged) return;
    event.preventDefault();
    const box = over.getBoundingClientRect();
    const isAfter = event.clientY > box.top + box.height / 2 || event.clientX > box.left + box.width / 2;
    over.parentNode.insertBefore(dragged, isAfter ? over.nextSibling : over);
  });
  list.addEventListener('dragend', async () => {
    if (!dragged) return;
    dragged.classList.remove('is-dragging');
    dragged = null;
    const order = [...list.querySelectorAll('.image-item')].map((item) => item.dataset.imageId).join(',');
    const body = new URLSearchParams({ _csrf: token, order });
    const res = await fetch(list.dataset.orderAction, { method: 'POST', body, redirect: 'follow' });
    // The page shows the saved order with its position numbers; a refusal shows its reason there too.
    window.location.assign(res.redirected ? res.url : window.location.href);
  });
}

// Editors with rows (the season editor's rewards, XP sources, multipliers): "Add a row" copies the table's last
// row with its fields emptied. Delegated from the document, so it works on pages htmx swapped in.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-add-row]");
  if (!button) {
    return;
  }
  event.preventDefault();
  const body = document.getElementById(button.dataset.addRow);
  const last = body && body.lastElementChild;
  if (!last) {
    return;
  }
  const row = last.cloneNode(true);
  row.querySelectorAll("input").forEach((input) => { input.value = ""; });
  row.querySelectorAll(".row-problem").forEach((p) => p.remove());
  row.classList.remove("has-problem");
  body.appendChild(row);
  const first = row.querySelector("input, select");
  if (first) {
    first.focus();
  }
});

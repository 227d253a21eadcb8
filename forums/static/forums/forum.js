// "Add a row" for the follow-up plan (RTL): copy the last row with empty values and the next form index.
// Without JavaScript the form still offers empty rows; this only saves a round trip.
document.addEventListener("click", function (event) {
  const button = event.target.closest("[data-add-row]");
  if (!button) return;
  const prefix = button.getAttribute("data-add-row");
  const total = document.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
  const rows = document.querySelectorAll("[data-row-of='" + prefix + "']");
  if (!total || !rows.length) return;
  const index = parseInt(total.value, 10);
  const copy = rows[rows.length - 1].cloneNode(true);
  const pattern = new RegExp(prefix + "-\\d+-", "g");
  copy.querySelectorAll("input, select, textarea, label, div").forEach(function (node) {
    ["name", "id", "for"].forEach(function (attribute) {
      const value = node.getAttribute(attribute);
      if (value) node.setAttribute(attribute, value.replace(pattern, prefix + "-" + index + "-"));
    });
    if (node.matches("input[type=checkbox]")) node.checked = false;
    else if (node.matches("input, textarea")) node.value = "";
    node.classList.remove("is-invalid");
  });
  copy.querySelectorAll(".invalid-feedback").forEach(function (node) { node.remove(); });
  rows[rows.length - 1].after(copy);
  total.value = index + 1;
  const first = copy.querySelector("input");
  if (first) first.focus();
});

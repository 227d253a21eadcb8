// Small progressive enhancements; every page works without them.
document.addEventListener("click", function (event) {
  // "Everyone present" (or absent) on the attendance form: mark every row that has no mark yet.
  const button = event.target.closest("[data-mark-all]");
  if (!button) return;
  const value = button.getAttribute("data-mark-all");
  document.querySelectorAll(".attendance-row").forEach(function (row) {
    if (row.querySelector("input[type=radio]:checked")) return; // a mark already given is kept
    const input = row.querySelector('input[type=radio][value="' + value + '"]');
    if (input) input.checked = true;
  });
});

// Forms with data-confirm ask before they submit (used for small deletes that have no confirmation page).
// Forms with data-max-bytes refuse to send files larger together than the server takes (it would answer 413
// and what was typed would be lost): they say so and stay as they are.
document.addEventListener("submit", function (event) {
  const form = event.target;
  const message = form.getAttribute("data-confirm");
  if (message && !window.confirm(message)) {
    event.preventDefault();
    return;
  }
  const limit = Number(form.getAttribute("data-max-bytes"));
  if (!limit) return;
  let total = 0;
  form.querySelectorAll("input[type=file]").forEach(function (input) {
    Array.prototype.forEach.call(input.files || [], function (file) { total += file.size; });
  });
  if (total > limit) {
    event.preventDefault();
    window.alert(form.getAttribute("data-too-large"));
  }
});

// A header checkbox with data-select-all="NAME" ticks every checkbox named NAME.
document.addEventListener("change", function (event) {
  const name = event.target.getAttribute("data-select-all");
  if (!name) return;
  document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (box) {
    box.checked = event.target.checked;
  });
});

// [data-print] buttons print the page; [data-select-on-click] fields select their text (no inline handlers).
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) window.print();
  const field = event.target.closest("[data-select-on-click]");
  if (field) field.select();
});

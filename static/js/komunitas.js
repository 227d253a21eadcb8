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
document.addEventListener("submit", function (event) {
  const message = event.target.getAttribute("data-confirm");
  if (message && !window.confirm(message)) event.preventDefault();
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

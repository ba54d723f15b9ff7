(function () {
  "use strict";
  var input = document.getElementById("filter");
  var items = Array.prototype.slice.call(document.querySelectorAll("#entries li"));
  var rows = Array.prototype.slice.call(document.querySelectorAll(".chart a[data-id]"));
  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = {};
    items.forEach(function (item) {
      var text = item.textContent.toLowerCase();
      var keep = words.every(function (word) { return text.indexOf(word) !== -1; });
      item.classList.toggle("hidden", !keep);
      shown[item.getAttribute("data-id")] = keep;
    });
    rows.forEach(function (row) { row.classList.toggle("faded", !shown[row.getAttribute("data-id")]); });
  }
  input.addEventListener("input", apply);
})();

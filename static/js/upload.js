// The upload page (admin): fill each chosen file's paper, date and page from its name; drag and drop.
// A static file, not inline, so the Content-Security-Policy needs no 'unsafe-inline'.
(function () {
  const zone = document.getElementById("dropzone");
  const input = document.getElementById(zone.dataset.input);
  const table = document.getElementById("chosen-files");
  const options = document.getElementById("paper-options");
  // The same convention as articles/filenames.py: 报名_YYYY-MM-DD_版次.txt, parts in any order.
  function facts(name) {
    const found = {paper: "", date: "", page: ""};
    const stem = name.replace(/\.[^.]*$/, "");
    stem.split(/[_\s]+/).forEach(function (part) {
      let m;
      if (!found.date && (m = part.match(/^(\d{4})-?(\d{2})-?(\d{2})$/))) {
        const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
        if (d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]) found.date = m[1] + "-" + m[2] + "-" + m[3];
      } else if (!found.page && (m = part.match(/^(?:p|第)?(\d{1,2})(?:版)?$/i))) {
        found.page = m[1].padStart(2, "0");
      } else if (!found.paper && /^[\u4e00-\u9fff]/.test(part)) {
        found.paper = part;
      }
    });
    return found;
  }
  function cell(child) { const td = document.createElement("td"); td.append(child); return td; }
  function field(tag, name, value, attrs) {
    const el = document.createElement(tag);
    el.name = name;
    Object.assign(el, attrs || {});
    if (tag === "select") el.append(options.content.cloneNode(true));
    el.value = value;
    if (tag === "select" && el.value !== value) el.value = "";
    return el;
  }
  function show() {
    const rows = Array.from(input.files).map(function (f, n) {
      const known = facts(f.name);
      const tr = document.createElement("tr");
      tr.append(cell(f.name + "（" + Math.ceil(f.size / 1024) + " KB）"),
        cell(field("select", "file-" + n + "-paper", known.paper)),
        cell(field("input", "file-" + n + "-issue_date", known.date, {type: "date"})),
        cell(field("input", "file-" + n + "-page", known.page, {size: 4, maxLength: 20})));
      return tr;
    });
    table.tBodies[0].replaceChildren(...rows);
    table.hidden = rows.length === 0;
  }
  input.addEventListener("change", show);
  ["dragenter", "dragover"].forEach(function (t) {
    zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (t) {
    zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (e) {
    const transfer = new DataTransfer();
    Array.from(e.dataTransfer.files).forEach(function (f) { transfer.items.add(f); });
    input.files = transfer.files;
    show();
  });
})();

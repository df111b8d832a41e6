// Copy buttons: <button data-copy="ID"> copies the value or text of element ID to the clipboard.
// The button stays hidden without JavaScript (the text can still be selected by hand).
(function () {
  "use strict";
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var scratch = document.createElement("textarea");
      scratch.value = text;
      scratch.setAttribute("readonly", "");
      scratch.style.position = "absolute";
      scratch.style.left = "-9999px";
      document.body.appendChild(scratch);
      scratch.select();
      var done = document.execCommand("copy");
      document.body.removeChild(scratch);
      if (done) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector(".copy-status");
    if (!source) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(source.value || source.textContent).then(function () {
        if (status) { status.textContent = "已复制"; }
      }, function () {
        source.select();
        if (status) { status.textContent = "无法自动复制，已选中引文，请按 Ctrl+C"; }
      });
    });
  });
}());

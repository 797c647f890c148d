// Keyboard triage for the ipwatch review desk (loaded as a file: the desk's CSP forbids inline scripts).
// j/k move the selection, o or Enter opens the listing, c confirms, d focuses the reason then Enter dismisses.
(function () {
  'use strict';
  function rows() { return Array.prototype.slice.call(document.querySelectorAll('#queue tr.finding')); }
  function current() { return document.querySelector('#queue tr.finding.selected'); }
  function select(i) {
    var all = rows();
    if (!all.length) return;
    i = Math.max(0, Math.min(all.length - 1, i));
    all.forEach(function (r) { r.classList.remove('selected'); });
    all[i].classList.add('selected');
    all[i].scrollIntoView({ block: 'nearest' });
  }
  function index() { return rows().indexOf(current()); }
  function typing(e) { var t = e.target; return t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA'); }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var row = current();
    if (typing(e)) {
      // Enter in a reason box dismisses when d was pressed, else confirms; Escape leaves the box.
      var input = e.target;
      if (input.classList && input.classList.contains('reason')) {
        if (e.key === 'Enter') {
          e.preventDefault();
          var form = input.form;
          var which = input.getAttribute('data-pending') === 'dismiss' ? 'button.dismiss' : 'button.confirm';
          if (input.value.trim() || which === 'button.confirm') form.querySelector(which).click();
        } else if (e.key === 'Escape') { input.blur(); }
      }
      return;
    }
    if (!rows().length) return;
    if (e.key === 'j') { select(index() + 1); e.preventDefault(); }
    else if (e.key === 'k') { select(index() - 1); e.preventDefault(); }
    else if ((e.key === 'o' || e.key === 'Enter') && row) { window.location.href = row.getAttribute('data-href'); }
    else if (e.key === 'c' && row) {
      var r = row.querySelector('input.reason');
      if (!r.value.trim()) r.value = document.getElementById('queue').getAttribute('data-default-reason') || 'ok';
      row.querySelector('button.confirm').click();
    } else if (e.key === 'd' && row) {
      var box = row.querySelector('input.reason');
      box.setAttribute('data-pending', 'dismiss');
      box.classList.add('pending-dismiss');
      box.focus();
      e.preventDefault();
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    if (rows().length && !current()) select(0);
    // a click on a row selects it
    rows().forEach(function (r, i) { r.addEventListener('click', function () { select(i); }); });
  });
})();

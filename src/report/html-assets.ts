/**
 * The HTML report's stylesheet and script, inlined into the page (no network). The script
 * builds every element from the embedded JSON with textContent: record data never becomes
 * markup. Plain ES2017 without template literals, so it can live in a TS string.
 */
export const REPORT_CSS = String.raw`
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; --ok: #2e7d32; --line: #ddd; font-family: system-ui, sans-serif; color: #222; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
.totals { display: flex; flex-wrap: wrap; gap: .75rem; padding: 0; list-style: none; }
.totals li { border: 1px solid var(--line); border-radius: .4rem; padding: .5rem .9rem; min-width: 7rem; }
.totals strong { display: block; font-size: 1.4rem; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.value, td.message { word-break: break-word; }
.bar { background: #eee; height: .9rem; min-width: 8rem; border-radius: .2rem; overflow: hidden; }
.bar span { display: block; height: 100%; }
.bar .fill { background: var(--ok); } .bar .error { background: var(--error); } .bar .warning { background: var(--warning); } .bar .info { background: var(--info); }
.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin: .5rem 0 1rem; }
.filters label { display: flex; flex-direction: column; font-size: .8rem; gap: .2rem; }
.note { color: #666; font-size: .85rem; }
code { font-size: .85rem; }
`;

export const REPORT_JS = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('bibpipe-data').textContent);
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else if (key === 'className') node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  function percent(part, total) { return total ? (Math.floor(part / total * 1000) / 10) + '%' : '-'; }
  function bar(share, kind) {
    var inner = el('span', { className: kind });
    inner.style.width = Math.max(0, Math.min(100, share * 100)) + '%';
    return el('div', { className: 'bar', role: 'img', 'aria-label': Math.round(share * 100) + '%' }, [inner]);
  }
  function anchor(code) { return 'rule-' + code.toLowerCase().replace(/[^a-z0-9]+/g, '-'); }
  var s = data.summary;

  var totals = document.getElementById('totals');
  [['records', s.read, 'total-records', ''], ['valid', s.converted, 'total-valid', ''], ['with errors', s.rejected, 'total-rejected', ''],
   ['errors', s.severities.error, 'total-errors', 'sev-error'], ['warnings', s.severities.warning, 'total-warnings', 'sev-warning'],
   ['info', s.severities.info, 'total-info', 'sev-info']].forEach(function (item) {
    totals.appendChild(el('li', { className: item[3] }, [el('strong', { text: String(item[1]), 'data-testid': item[2] }), el('span', { text: item[0] })]));
  });

  var byRule = document.getElementById('by-rule');
  var max = data.ruleCounts.reduce(function (m, r) { return Math.max(m, r.count); }, 0);
  if (data.ruleCounts.length === 0) byRule.appendChild(el('tr', null, [el('td', { text: 'No findings.', colspan: '4' })]));
  data.ruleCounts.forEach(function (r) {
    byRule.appendChild(el('tr', { 'data-rule': r.code }, [
      el('td', null, [el('a', { href: '#' + anchor(r.code), text: r.code })]),
      el('td', { text: r.severity, className: 'sev-' + r.severity }),
      el('td', { className: 'num', text: String(r.count), 'data-testid': 'rule-count' }),
      el('td', null, [bar(max ? r.count / max : 0, r.severity)])
    ]));
  });

  var fill = document.getElementById('fill-rates');
  var records = data.fieldFill ? data.fieldFill.records : 0;
  (data.fieldFill ? data.fieldFill.fields : []).forEach(function (f) {
    fill.appendChild(el('tr', null, [el('td', null, [el('code', { text: f[0] })]), el('td', { className: 'num', text: percent(f[1], records) }),
      el('td', { className: 'num', text: String(f[1]) }), el('td', null, [bar(records ? f[1] / records : 0, 'fill')])]));
  });
  if (data.fieldFill && data.fieldFill.untrackedFields > 0)
    document.getElementById('fill-note').textContent = data.fieldFill.untrackedFields + ' more distinct field names were not tracked.';

  var ruleSelect = document.getElementById('filter-rule');
  data.ruleCounts.forEach(function (r) { ruleSelect.appendChild(el('option', { value: r.code, text: r.code + ' (' + r.count + ')' })); });
  var body = document.getElementById('findings');
  var rows = data.findings.map(function (f) {
    var row = el('tr', { 'data-rule': f.code, 'data-severity': f.severity }, [
      el('td', null, [el('a', { href: '#' + anchor(f.code), text: f.code })]),
      el('td', { text: f.severity, className: 'sev-' + f.severity }),
      el('td', { text: f.record }), el('td', { text: f.field }), el('td', { text: f.value, className: 'value' }),
      el('td', { text: f.position }), el('td', { text: f.message, className: 'message' })
    ]);
    row.searchText = [f.code, f.record, f.field, f.value, f.position, f.message].join(' ').toLowerCase();
    body.appendChild(row);
    return row;
  });
  var shown = document.getElementById('shown-count');
  var severitySelect = document.getElementById('filter-severity');
  var textInput = document.getElementById('filter-text');
  function applyFilter() {
    var rule = ruleSelect.value, severity = severitySelect.value, text = textInput.value.trim().toLowerCase(), count = 0;
    rows.forEach(function (row) {
      var visible = (!rule || row.getAttribute('data-rule') === rule) && (!severity || row.getAttribute('data-severity') === severity) &&
        (!text || row.searchText.indexOf(text) >= 0);
      row.hidden = !visible;
      if (visible) count++;
    });
    shown.textContent = count + ' of ' + rows.length + ' findings shown';
  }
  [ruleSelect, severitySelect].forEach(function (node) { node.addEventListener('change', applyFilter); });
  textInput.addEventListener('input', applyFilter);
  applyFilter();
  if (data.findingsLeftOut > 0)
    document.getElementById('findings-note').textContent = data.findingsLeftOut + ' more findings are counted above but not listed (see the JSON report).';

  var rules = document.getElementById('rules');
  data.rules.forEach(function (r) {
    rules.appendChild(el('tr', { id: anchor(r.code) }, [el('td', null, [el('code', { text: r.code })]), el('td', { text: r.severity, className: 'sev-' + r.severity }),
      el('td', { text: r.description }), el('td', null, [el('code', { text: r.example })])]));
  });
})();
`;

/// The audit page's inline style sheet and script. Everything is inline and
/// the page's Content-Security-Policy forbids any fetch, so the report works
/// from a file:// URL, offline, and makes no network requests.
enum HTMLAuditAssets {
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    static let css = """
        :root { --ink: #1b1f24; --muted: #4a5360; --line: #d0d7de; --paper: #ffffff; --panel: #f6f8fa;
          --err: #a4161a; --err-bg: #fbdada; --warn: #8a4b00; --warn-bg: #ffe6bf; --info: #1f4fb4; --info-bg: #e2ebff;
          --good: #17652b; --good-bg: #d6f0dc; --accent: #0b5cad; }
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: var(--paper); font: 16px/1.55 "DejaVu Sans", "Segoe UI", system-ui, sans-serif; }
        a { color: var(--accent); }
        a:focus-visible, input:focus-visible, summary:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; background: var(--ink); color: #fff; padding: .5em 1em; }
        .skip:focus { left: 0; }
        .wrap { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
        header.top { background: #14324f; color: #fff; padding: 28px 0 24px; }
        header.top a { color: #cfe4ff; }
        header.top h1 { margin: 0 0 4px; font-size: 1.9rem; }
        header.top .sub { margin: 0 0 20px; color: #d8e3ee; }
        .scorecard { display: flex; gap: 28px; align-items: center; flex-wrap: wrap; }
        .ring { flex: none; }
        .ring text { font-weight: 700; }
        .scoretext { max-width: 760px; }
        [id] { scroll-margin-top: 150px; }
        td.date { white-space: nowrap; }
        .scoretext .big { font-size: 1.35rem; font-weight: 700; margin: 0 0 6px; }
        .totals { display: flex; gap: 12px; flex-wrap: wrap; margin: 0; padding: 0; list-style: none; }
        .totals li { background: rgba(255,255,255,.1); border: 1px solid rgba(255,255,255,.3); border-radius: 6px; padding: 6px 12px; }
        .totals b { font-size: 1.2rem; display: block; }
        h2 { font-size: 1.4rem; margin: 36px 0 12px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--panel); font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        code { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: .86em; background: var(--panel); padding: 0 3px; border-radius: 3px; }
        .grade { display: inline-block; min-width: 1.7em; text-align: center; font-weight: 700; border-radius: 4px; padding: 0 4px; border: 1px solid currentColor; }
        .g-A { color: #17652b; } .g-B { color: #3d6b00; } .g-C { color: #8a4b00; } .g-D { color: #a33b00; } .g-E { color: #a4161a; }
        .bar { vertical-align: middle; }
        .muted { color: var(--muted); }
        #filters { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 28px 0 0;
          position: sticky; top: 0; z-index: 2; }
        #filters fieldset { border: 0; margin: 0 0 6px; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; }
        #filters legend { font-weight: 700; float: left; margin-right: 8px; }
        #filters label { white-space: nowrap; cursor: pointer; }
        #filters input { width: 1.05em; height: 1.05em; vertical-align: -2px; }
        #filter-status { margin: 4px 0 0; color: var(--muted); }
        article.policy { border-top: 3px solid #14324f; margin-top: 44px; padding-top: 8px; }
        article.policy > header h2 { margin: 8px 0 4px; font-size: 1.6rem; }
        .meta { margin: 0 0 12px; color: var(--muted); }
        .meta span + span::before { content: " · "; }
        .blk { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 20px; padding: 4px 0; }
        .blk > .txt > :first-child { margin-top: 0; }
        .blk > .txt > :last-child { margin-bottom: 0; }
        .blk > .txt p { margin: 0 0 .6em; }
        .doc-h { margin: 18px 0 4px; }
        h3.doc-h { font-size: 1.3rem; } h4.doc-h { font-size: 1.12rem; } h5.doc-h, h6.doc-h { font-size: 1rem; }
        blockquote { margin: 0; padding-left: 14px; border-left: 4px solid var(--line); }
        ul.doc-list, ol.doc-list { margin: 0; padding-left: 1.6em; }
        li.d1 { margin-left: 1.5em; } li.d2 { margin-left: 3em; } li.d3 { margin-left: 4.5em; }
        .txt table { margin: 4px 0; font-size: .95em; }
        mark.hl { color: inherit; padding: 1px 0; border-radius: 2px; }
        mark.bad { background: var(--warn-bg); border-bottom: 3px solid var(--warn); }
        mark.bad.s-error { background: var(--err-bg); border-bottom: 3px double var(--err); }
        mark.bad.s-info { background: var(--info-bg); border-bottom: 2px solid var(--info); }
        mark.good { background: var(--good-bg); border-bottom: 2px dashed var(--good); }
        mark.off, body.no-good mark.good { background: none; border-bottom: 0; }
        a.mk { display: inline-block; font-size: .72em; font-weight: 700; line-height: 1.3; text-decoration: none; vertical-align: .25em;
          border-radius: 3px; padding: 0 4px; margin: 0 2px; border: 1px solid currentColor; background: #fff; }
        a.mk.s-error { color: var(--err); } a.mk.s-warning { color: var(--warn); } a.mk.s-info { color: var(--info); }
        a.mk.good { color: var(--good); border-style: dashed; }
        body.no-good .good-ui { display: none; }
        .notes { font-size: .88rem; }
        .note { border: 1px solid var(--line); border-left-width: 5px; border-radius: 6px; padding: 6px 10px; margin: 0 0 8px; background: #fff; }
        .note p { margin: 2px 0; }
        .note.s-error { border-left-color: var(--err); } .note.s-warning { border-left-color: var(--warn); }
        .note.s-info { border-left-color: var(--info); } .note.good { border-left-color: var(--good); border-left-style: dashed; background: #f7fcf8; }
        .note .nh { font-weight: 700; }
        .note .nh .lbl-error { color: var(--err); } .note .nh .lbl-warning { color: var(--warn); } .note .nh .lbl-info { color: var(--info); }
        .note .nh .lbl-good { color: var(--good); }
        .note .k { font-weight: 600; }
        .note:target { box-shadow: 0 0 0 3px #f0a500; }
        .whole { background: var(--panel); border-radius: 8px; padding: 8px 12px; margin: 0 0 12px; }
        .whole h3 { margin: 0 0 6px; font-size: 1rem; }
        .legend { display: flex; flex-wrap: wrap; gap: 8px 20px; margin: 8px 0 0; padding: 0; list-style: none; font-size: .92rem; }
        footer { margin: 48px 0 32px; color: var(--muted); font-size: .9rem; }
        @media (max-width: 860px) { .blk { grid-template-columns: 1fr; gap: 6px; } }
        @media print {
          body { font-size: 10.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          #filters, .skip, .back { display: none; }
          header.top { background: #fff; color: var(--ink); border-bottom: 3px solid #14324f; }
          header.top a, header.top .sub { color: var(--ink); }
          .totals li { border-color: var(--line); }
          .wrap { max-width: none; padding: 0; }
          article.policy { break-before: page; }
          .blk, .note, tr { break-inside: avoid; }
          h2, h3, h4 { break-after: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        .checklist { list-style: none; padding-left: 0; } .checklist li { margin: .4em 0; }
        .cov-ok > span[aria-hidden] { color: var(--good); } .cov-miss > span[aria-hidden] { color: var(--err); }
        .matrix-wrap { overflow-x: auto; } .matrix th, .matrix td { font-size: .85em; vertical-align: top; }
        .matrix td.lv1 { background: #eef6f0; } .matrix td.lv2 { background: #b9e2c3; } .matrix td.lv3 { background: #6cbf83; }
        .matrix a.ev { white-space: nowrap; } .ev-at:target + * , .ev-at:target { outline: 2px solid var(--accent); }
        """

    static let script = """
        (function () {
          var panel = document.getElementById('filters');
          if (!panel) { return; }
          panel.hidden = false;
          var boxes = panel.querySelectorAll('input[type=checkbox]');
          var status = document.getElementById('filter-status');
          var total = document.querySelectorAll('[data-finding]').length;
          function apply() {
            var off = {};
            var good = true;
            boxes.forEach(function (box) {
              if (box.checked) { return; }
              if (box.dataset.rule) { off['r:' + box.dataset.rule] = true; }
              if (box.dataset.sev) { off['s:' + box.dataset.sev] = true; }
              if (box.dataset.good) { good = false; }
            });
            function hidden(rule, sev) { return off['r:' + rule] === true || off['s:' + sev] === true; }
            var shown = 0;
            document.querySelectorAll('[data-finding]').forEach(function (el) {
              el.hidden = hidden(el.dataset.rule, el.dataset.sev);
              if (!el.hidden) { shown += 1; }
            });
            document.querySelectorAll('[data-note]').forEach(function (el) {
              el.hidden = hidden(el.dataset.rule, el.dataset.sev);
            });
            document.querySelectorAll('mark.bad[data-fs]').forEach(function (mark) {
              var visible = mark.dataset.fs.split(' ').some(function (pair) {
                var parts = pair.split('/');
                return !hidden(parts[0], parts[1]);
              });
              mark.classList.toggle('off', !visible);
            });
            document.body.classList.toggle('no-good', !good);
            status.textContent = 'Showing ' + shown + ' of ' + total + ' findings.';
          }
          boxes.forEach(function (box) { box.addEventListener('change', apply); });
          apply();
        })();
        """
}

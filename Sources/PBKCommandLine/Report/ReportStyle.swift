/// The report's stylesheet and script, inline in the page (a report opens with no network and no other file).
///
/// Class names are short because a report of 10⁵ subjects repeats them 10⁵ times: `.L` a list of subjects, `.h` its
/// header row, `.k` a chunk of 500 rows the browser may skip laying out while it is off screen, `.r` a subject's row
/// (a `<details>` when its explanation is in the page), `.n` a number cell, `.x` a veto, `.t` a table.
enum ReportStyle {
  static let css = """
    :root{--red:#a61b1b;--ink:#1f2328;--muted:#5d6670;--line:#d8dce0;--band:#f6f4f1;--paper:#fff}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;background:#efece8;color:var(--ink);font:15px/1.65 "PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Source Han Sans CN","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;font-variant-numeric:tabular-nums;word-break:normal;overflow-wrap:anywhere}
    main{max-width:1120px;margin:24px auto;background:var(--paper);padding:36px 48px 48px;box-shadow:0 1px 4px rgba(0,0,0,.12);border-top:6px solid var(--red)}
    header h1{font-size:26px;line-height:1.35;margin:0 0 6px;color:var(--red);letter-spacing:.04em}
    header .sub{color:var(--muted);margin:0 0 18px}
    h2{font-size:19px;margin:36px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--red);letter-spacing:.03em}
    h3{font-size:16px;margin:24px 0 8px}
    .en{color:var(--muted);font-weight:normal;font-size:.82em;margin-left:.5em;letter-spacing:0}
    dl.meta{display:grid;grid-template-columns:9em minmax(0,1fr);gap:4px 16px;margin:0;padding:14px 18px;background:var(--band);border-radius:4px}
    dl.meta dt{color:var(--muted)}
    dl.meta dd{margin:0}
    .cards{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px;margin:16px 0 0}
    .card{border:1px solid var(--line);border-radius:4px;padding:10px 14px}
    .card b{display:block;font-size:28px;line-height:1.2;font-weight:600}
    .card span{color:var(--muted);font-size:13px}
    .card.bad b{color:var(--red)}
    .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:8px 28px}
    figure{margin:8px 0 0}
    figcaption{font-weight:600;margin-bottom:4px}
    figure svg{display:block;width:100%;height:auto;max-width:100%}
    figure.wide svg{max-width:960px}
    svg text{font-family:inherit;font-size:13px;fill:var(--ink)}
    svg.bars{max-width:560px}
    svg.bars text{font-size:14px}
    svg .v{fill:var(--muted);font-size:12px}
    svg .l{font-weight:600}
    svg .g{stroke:#eceff1}
    svg .a{stroke:#90a4ae}
    svg .b{stroke:var(--red);stroke-dasharray:4 3}
    .note{color:var(--muted);font-size:13px;margin:6px 0}
    .none{color:var(--muted)}
    table.t{width:100%;border-collapse:collapse;table-layout:fixed;margin:6px 0 0;font-size:14px}
    .t th,.t td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
    .t th{background:var(--band);font-weight:600}
    .t td.n,.t th.n{text-align:right}
    .quota{margin:4px 0;padding-left:1.2em;list-style:square}
    .tools{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:center;margin:10px 0;position:sticky;top:0;background:var(--paper);padding:8px 0;z-index:2}
    .tools input{font:inherit;padding:5px 10px;width:22em;max-width:100%;border:1px solid #b0b7bf;border-radius:4px}
    .tools button{font:inherit;font-size:13px;padding:4px 12px;border:1px solid #b0b7bf;border-radius:4px;background:#fff;cursor:pointer}
    .tools output{color:var(--muted);font-size:13px}
    details.more summary{cursor:pointer;color:var(--red);font-size:13px}
    .L{margin:4px 0 12px;font-size:14px}
    .h,div.r,details.r>summary{display:grid;grid-template-columns:var(--c);gap:0 10px;padding:5px 8px 5px 1.6em}
    .h{background:var(--band);font-weight:600;border-bottom:1px solid var(--line);position:sticky;top:52px;z-index:1}
    .r{border-bottom:1px solid var(--line)}
    .r[hidden],.k[hidden],.L[hidden]{display:none}
    details.r>summary{cursor:pointer;list-style:none;position:relative}
    details.r>summary::-webkit-details-marker{display:none}
    details.r>summary::before{content:"▸";position:absolute;left:.5em;top:5px;color:var(--red)}
    details.r[open]>summary::before{content:"▾"}
    details.r>summary:hover,div.r:hover{background:#faf7f2}
    details.r[open]>summary{background:#f8f1ea}
    .r .n{text-align:right}
    .r .x{color:var(--red)}
    .r pre{margin:0;padding:8px 12px 12px 2.2em;font-family:inherit;font-size:13px;line-height:1.6;white-space:pre-wrap;background:#fcfbf9;border-top:1px dashed var(--line)}
    .k{content-visibility:auto;contain-intrinsic-size:auto 16000px}
    footer{margin-top:36px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:8px}
    @media (max-width:720px){main{padding:20px 16px;margin:0}.h{position:static}.cards{grid-template-columns:repeat(2,minmax(0,1fr))}dl.meta{grid-template-columns:1fr}}
    @page{size:A4;margin:16mm 14mm 16mm 14mm}
    @media print{
    body{background:#fff;font-size:10.5pt;line-height:1.5}
    main{max-width:none;margin:0;padding:0;box-shadow:none;border-top:3pt solid var(--red)}
    .tools{display:none}
    .h{position:static}
    .k{content-visibility:visible;contain-intrinsic-size:none}
    h2,h3,figcaption,.h,.quota,.note{break-after:avoid}
    figure,.card,dl.meta,tr,div.r,details.r>summary{break-inside:avoid}
    thead{display:table-header-group}
    .r pre{font-size:9pt;background:none}
    details.r>summary::before,details.r[open]>summary::before{content:none}
    details.r>summary,div.r,.h{padding:2pt 4pt}
    details.r[open]>summary{background:none;font-weight:600}
    .charts{grid-template-columns:1fr 1fr}
    a{color:inherit;text-decoration:none}
    }
    """

  /// Filters the rows by what their line shows (id, name, grade, labels…) as one types, and opens or closes every
  /// explanation. Chunks with no match are hidden; when few rows match, their chunks are laid out at once so
  /// nothing waits for scrolling. A row's text is read once, at the first search. A page opened as `报告.html#q=DZ006`
  /// starts filtered (a link to one subject).
  static let script = """
    (function(){
    var q=document.getElementById("q");if(!q)return;
    var rows=document.querySelectorAll(".r"),chunks=document.querySelectorAll(".k"),lists=document.querySelectorAll(".L"),shown=document.getElementById("shown"),keys=null;
    function filter(){var t=q.value.trim().toLowerCase(),n=0,i;
    if(!keys){keys=[];for(i=0;i<rows.length;i++){var r=rows[i];keys.push((r.tagName==="DETAILS"?r.firstElementChild:r).textContent.toLowerCase())}}
    for(i=0;i<rows.length;i++){var m=!t||keys[i].indexOf(t)>=0;if(rows[i].hidden===m)rows[i].hidden=!m;if(m)n++}
    for(i=0;i<chunks.length;i++){var k=chunks[i];k.hidden=!!t&&!k.querySelector(".r:not([hidden])");k.style.contentVisibility=t&&n<=2000?"visible":""}
    for(i=0;i<lists.length;i++){lists[i].hidden=!!t&&!lists[i].querySelector(".r:not([hidden])")}
    shown.textContent=n.toLocaleString("en-US")}
    q.addEventListener("input",filter);
    if(location.hash.indexOf("#q=")===0){q.value=decodeURIComponent(location.hash.slice(3));filter()}
    function all(open){return function(){var d=document.querySelectorAll("details.r"),i;for(i=0;i<d.length;i++)if(!d[i].hidden)d[i].open=open}}
    var o=document.getElementById("open"),c=document.getElementById("close");if(o)o.addEventListener("click",all(true));if(c)c.addEventListener("click",all(false));
    })();
    """
}

import { cssString } from './escape';

/**
 * The inline style sheet of the HTML rendition. No web fonts or other external resources: the
 * page must stay self-contained. Colours are chosen for WCAG AA contrast on white (text ≥ 4.5:1,
 * focus indicator and borders that convey meaning ≥ 3:1).
 *
 * Colour pairs (contrast ratio against the background they sit on):
 * - body text #1b1b1b on #ffffff: 17.2:1; on header cells #dde6f0: 13.7:1; on group and subtotal rows #e9eef4: 14.8:1;
 * - headings and captions #0b3d6e on #ffffff: 11.0:1;
 * - links #0645ad on #ffffff: 8.5:1, on zebra rows #f4f6f9: 7.9:1 (always underlined as well);
 * - secondary text #3d3d3d on #ffffff: 10.9:1, on zebra rows #f4f6f9: 10.0:1;
 * - focus outline #0b57d0 on #ffffff: 6.4:1; table rules #6b7785 on #ffffff: 4.6:1.
 */
export function buildStyles(runningHeader: string): string {
  return `
:root{color-scheme:light;--text:#1b1b1b;--muted:#3d3d3d;--accent:#0b3d6e;--link:#0645ad;--focus:#0b57d0;--rule:#6b7785;--head-bg:#dde6f0;--zebra:#f4f6f9;--sub-bg:#e9eef4}
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:var(--text);background:#fff;font-family:"Titillium Web",system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:1rem;line-height:1.55;overflow-wrap:break-word}
.page{max-width:76rem;margin:0 auto;padding:0 1rem 2rem}
a{color:var(--link);text-decoration:underline;text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
a:focus-visible,[tabindex]:focus-visible,main:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
main:focus:not(:focus-visible){outline:none}
.sr-only{position:absolute!important;width:1px!important;height:1px!important;padding:0!important;margin:-1px!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;white-space:nowrap!important;border:0!important}
.skip-link{position:absolute;left:1rem;top:-10rem;z-index:10;padding:.5rem 1rem;background:#fff;color:var(--link);border:2px solid var(--focus);font-weight:700}
.skip-link:focus{top:1rem}
.cover{padding:3rem 0 2rem;border-bottom:4px solid var(--accent);margin-bottom:2rem}
.draft-mark{margin:1rem 0 0;padding:.25rem .75rem;display:inline-block;border:2px solid #a3231b;color:#a3231b;font-weight:700;letter-spacing:.1em}
.cover .ente{margin:0 0 1.5rem;font-size:1.25rem;font-weight:700;letter-spacing:.04em;color:var(--accent)}
.cover h1{margin:0 0 1rem;font-size:2.25rem;line-height:1.2;color:var(--accent)}
.cover h1 .subtitle{display:block;margin-top:.5rem;font-size:1.5rem;font-weight:600;color:var(--text)}
.cover .scope{margin:0 0 1rem;font-size:1.25rem;font-weight:600}
.cover .approval{margin:0 0 1rem;font-weight:700}
.cover address{margin-top:2rem;font-style:normal;color:var(--muted);line-height:1.5}
.toc{margin-bottom:2.5rem}
.toc h2{font-size:1.5rem}
.toc ol{list-style:none;margin:0;padding:0}
.toc ol ol{padding-left:1.5rem}
.toc li{margin:.35rem 0}
.toc>ol>li>a{font-weight:700}
h1,h2,h3,h4,h5,h6{color:var(--accent);line-height:1.25;margin:1.75rem 0 .75rem}
h2{font-size:1.75rem;border-bottom:2px solid var(--accent);padding-bottom:.25rem}
h3{font-size:1.4rem}
h4{font-size:1.2rem}
h5{font-size:1.1rem}
h6{font-size:1rem}
.subheading{color:var(--accent)}
p.subheading{margin:1.25rem 0 .5rem}
section{scroll-margin-top:1rem}
p{margin:.6rem 0}
.p-label{font-weight:700;margin-top:1rem}
.p-note{font-size:.9375rem;color:var(--muted);margin:.25rem 0}
.p-deferral{font-style:italic}
.p-code{font-weight:700;font-variant-numeric:tabular-nums}
ul,ol{margin:.5rem 0;padding-left:1.75rem}
li{margin:.25rem 0}
li>p:first-child{margin-top:0}
li>p:last-child{margin-bottom:0}
hr.page-break{border:0;border-top:1px solid var(--rule);margin:2rem 0}
.table-block{margin:1rem 0 1.5rem}
.table-scroll{overflow-x:auto}
.table-scroll:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
table{border-collapse:collapse;width:100%;font-size:.9375rem;line-height:1.4}
table.wide{min-width:64rem}
table.wide{font-size:.875rem}
table.wide th,table.wide td{padding:.3rem .4rem;overflow-wrap:break-word;hyphens:auto}
caption{caption-side:top;text-align:left;font-weight:700;padding:.25rem 0 .5rem;color:var(--accent)}
th,td{border:1px solid var(--rule);padding:.35rem .5rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
thead th,thead td{background:var(--head-bg);font-weight:700;vertical-align:bottom}
tbody th{font-weight:400}
tbody tr:nth-child(even)>td,tbody tr:nth-child(even)>th{background:var(--zebra)}
tr.row-group>th{background:var(--sub-bg);font-weight:700}
tr.row-subtotal>th,tr.row-subtotal>td{background:var(--sub-bg);font-weight:700}
tr.row-total>th,tr.row-total>td{background:var(--head-bg);font-weight:700;border-top:2px solid var(--text)}
.al-r{text-align:right}
.al-c{text-align:center}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;overflow-wrap:normal}
.flag{text-align:center;white-space:nowrap}
thead .num,thead .flag{white-space:normal}
.flag-mark{font-size:1.25em;line-height:1}
.capofila{display:inline-block;padding:0 .3em;border:1px solid var(--text);border-radius:3px;font-size:.8125rem;font-weight:700;letter-spacing:.02em}
.dept-note{color:var(--muted)}
td p,th p{margin:.25rem 0}
td>:first-child,th>:first-child{margin-top:0}
td>:last-child,th>:last-child{margin-bottom:0}
td ul,td ol{padding-left:1.25rem}
abbr[title]{text-decoration:underline dotted;cursor:help}
.table-notes{font-size:.875rem;color:var(--muted);margin:.4rem 0 0}
.table-notes p{margin:.15rem 0}
.colophon{margin-top:3rem;padding-top:1rem;border-top:1px solid var(--rule);font-size:.875rem;color:var(--muted)}
@media (max-width:40rem){
.page{padding:0 .75rem 1.5rem}
.cover h1{font-size:1.75rem}
.cover h1 .subtitle{font-size:1.25rem}
h2{font-size:1.4rem}
h3{font-size:1.25rem}
th,td{padding:.3rem .35rem}
col{width:auto!important}
}
@media print{
@page{size:A4;margin:18mm 15mm 18mm 15mm;@top-center{content:${cssString(runningHeader)};font-size:8pt;color:#3d3d3d}@bottom-right{content:counter(page);font-size:8pt}}
@page:first{@top-center{content:none}@bottom-right{content:none}}
body{font-size:10pt;line-height:1.4}
.page{max-width:none;padding:0}
.skip-link{display:none}
.cover{min-height:240mm;border-bottom:0;break-after:page}
.toc{break-after:page}
.pb{break-before:page}
hr.page-break{border:0;margin:0;break-after:page}
h1,h2,h3,h4,h5,h6,.p-label,caption{break-after:avoid}
.table-scroll{overflow:visible}
table.wide{min-width:0;font-size:7.5pt}
th,td{padding:2pt 3pt}
thead{display:table-header-group}
table.no-repeat thead{display:table-row-group}
tr{break-inside:avoid}
tbody tr:nth-child(even)>td,tbody tr:nth-child(even)>th{background:none}
main a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;overflow-wrap:anywhere}
a{color:var(--text)}
}
`.trim();
}

"""The print CSS of the papers: A4, system fonts only, nothing fetched from anywhere.

`REFERAT_CSS` for the referat (readable on screen, printed on A4 with running tables that
don't break inside a row); `HANDOUT_CSS` for the handout (one group per A4 page, slips cut
along dashed lines). Colours are printed as they are (`print-color-adjust: exact`).
"""

from __future__ import annotations

_BASE = """
@page { size: A4; margin: 15mm 15mm 17mm; }
* { box-sizing: border-box; }
html { color: #1a1a1a; background: #fff; -webkit-print-color-adjust: exact;
  print-color-adjust: exact; }
body { margin: 0; font: 11pt/1.4 "Segoe UI", Calibri, Carlito, "Liberation Sans", Arial,
  Helvetica, sans-serif; }
h1, h2, h3 { line-height: 1.2; break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #9a9a9a; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
th { background: #ececec; }
svg.chart { display: block; width: 100%; height: auto; }
"""

REFERAT_CSS = (
    _BASE
    + """
main { max-width: 180mm; margin: 0 auto; padding: 10mm 6mm; }
@media print { main { padding: 0; max-width: none; } }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 9.5pt;
  color: #555; }
h1 { font-size: 19pt; margin: 1mm 0 4mm; }
h2 { font-size: 14pt; margin: 8mm 0 2.5mm; padding-bottom: 1mm; border-bottom: 1.5px solid
  #1a1a1a; }
h3 { font-size: 11.5pt; margin: 4.5mm 0 1.5mm; }
p { margin: 1.5mm 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .6mm 6mm; margin: 0; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
table { margin: 2mm 0 3mm; font-size: 10pt; }
tr { break-inside: avoid; page-break-inside: avoid; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.date { white-space: nowrap; }
th { overflow-wrap: normal; }
tfoot td, tr.total td { font-weight: bold; }
.remark { font-style: italic; color: #333; }
.note { margin: 1mm 0 3mm; padding-left: 3mm; border-left: 3px solid #9a9a9a; }
.note p { margin: .8mm 0; white-space: pre-wrap; overflow-wrap: anywhere; }
td, li { overflow-wrap: anywhere; }
.swatch { display: inline-block; min-width: 1.5em; padding: 0 .3em; margin-right: .3em;
  border-radius: 2px; color: #fff; font-weight: bold; text-align: center; }
figure { margin: 3mm 0 5mm; break-inside: avoid; page-break-inside: avoid; }
.keep { break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 1.5mm; }
figure.radar svg { max-width: 150mm; margin: 0 auto; }
"""
)

HANDOUT_CSS = (
    _BASE
    + """
@page { margin: 12mm 14mm; }
.page { break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
@media screen { .page { max-width: 182mm; margin: 0 auto 12mm; padding: 6mm;
  border: 1px solid #ccc; } }
header { display: flex; justify-content: space-between; align-items: baseline; gap: 6mm; }
header h1 { flex: 1 1 auto; min-width: 0; }
h1 { font-size: 15pt; margin: 0; }
.group { font-size: 20pt; font-weight: bold; text-align: right; max-width: 55%;
  overflow-wrap: anywhere; }
.line { margin: 1.5mm 0 0; color: #333; }
.task { margin: 2mm 0 0; font-size: 10.5pt; }
.task p { margin: .6mm 0; }
.task p.split { font-style: italic; }
figure { margin: 1mm 0 0; }
figure svg { max-height: 108mm; margin: 0 auto; }
.fill { display: flex; gap: 6mm; align-items: flex-start; }
.fill table { font-size: 10pt; }
td, li { overflow-wrap: anywhere; }
td.tick { width: 9mm; }
td.tally { width: 17mm; }
h2 { font-size: 11.5pt; margin: 2mm 0 1mm; }
ol.factors { margin: 0 0 2mm; padding-left: 6mm; font-size: 9.5pt; }
ol.factors li { margin: .3mm 0; }
ol.questions { margin: 2mm 0 0; padding-left: 6mm; font-size: 10.5pt; }
ol.questions li { margin: 0 0 2.5mm; break-inside: avoid; page-break-inside: avoid; }
ol.questions li p { margin: 0 0 1mm; }
.write { display: block; height: 9mm; border-bottom: 1px solid #9a9a9a; }
h2.wrapup { margin-top: 5mm; font-size: 13pt; }
.slips { display: grid; grid-template-columns: 1fr 1fr; grid-auto-rows: 84mm; gap: 0; }
.slip { border: 1px dashed #777; padding: 3.5mm 4mm; font-size: 9.5pt; }
.slip h3 { font-size: 10.5pt; margin: 0 0 1mm; display: flex; justify-content: space-between; }
.slip table { font-size: 9pt; }
.slip td, .slip th { padding: .7mm 1.2mm; }
.slip td.tick { width: 6mm; }
.slip p { margin: 1mm 0 0; font-size: 8.5pt; color: #333; }
.cut { font-size: 9pt; color: #555; margin: 1mm 0; }
"""
)

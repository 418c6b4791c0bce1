#!/usr/bin/env bash
# Headless export, read back as a user's tools would: poppler for PDF,
# rsvg-convert for SVG, the PNG header for PNG. Also failures: clear
# messages, non-zero exits, and no half-written or lost files.
set -u
straits="$1"
. "$(dirname "$0")/tap.sh"

png_size() { python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print(*struct.unpack(">II", d[16:24]))' "$1"; }

# The content of each <text> of an SVG, one a line, in document order;
# fails unless the file is well-formed XML.
svg_texts() {
  python3 -c 'import sys, xml.etree.ElementTree as ET
for t in ET.parse(sys.argv[1]).iter("{http://www.w3.org/2000/svg}text"):
    print("".join(t.itertext()))' "$1"
}
svg_parses() {
  if command -v xmllint >/dev/null; then xmllint --noout "$1"; else svg_texts "$1" >/dev/null; fi
}

# How many pixels of the box X0 Y0 X1 Y1 of a PNG (8-bit RGB or RGBA, as
# rsvg-convert writes it) are dark, as text is. Only the rows down to Y1
# are decoded.
dark_pixels() {
  python3 - "$@" <<'PY'
import struct, sys, zlib
path, (x0, y0, x1, y1) = sys.argv[1], map(int, sys.argv[2:6])
data, pos, idat = open(path, "rb").read(), 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IHDR":
        w, h, depth, colour = struct.unpack(">IIBB", data[pos + 8:pos + 18])
    elif kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + n]
    pos += 12 + n
bpp = {2: 3, 6: 4}[colour]
raw, stride, prev, dark = zlib.decompress(idat), w * bpp, bytearray(w * bpp), 0
for y in range(y1):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a, b, c = line[i - bpp] if i >= bpp else 0, prev[i], prev[i - bpp] if i >= bpp else 0
        p = a + b - c
        line[i] = (line[i] + [0, a, b, (a + b) // 2,
                              a if abs(p - a) <= abs(p - b) and abs(p - a) <= abs(p - c) else b if abs(p - b) <= abs(p - c) else c][f]) & 255
    prev = line
    if y >= y0:
        dark += sum(1 for x in range(x0, x1) if sum(line[x * bpp:x * bpp + 3]) < 300 and (bpp == 3 or line[x * bpp + 3] > 128))
print(dark)
PY
}

# The names each view must show (data/basemap/names.tsv and places.tsv).
shows() { pdftotext "$work/$1.pdf" - | tr '\n' ' ' | grep -q "$2"; }
for view in black-sea aegean eu-groupings; do
  "$straits" --export="$work/$view.pdf" --view=$view --size=a4-landscape 2>"$work/err" \
    && ok "$view: PDF exported" || { fail "$view: PDF exported"; cat "$work/err"; }
  check "$view: PDF page is A4 landscape" \
    "pdfinfo '$work/$view.pdf' | grep -Eq 'Page size: +841.8[0-9]* x 595.2[0-9]* pts'"
  check "$view: PDF keeps its text (title and credits)" \
    "pdftotext '$work/$view.pdf' - | tr '\n' ' ' | grep -q 'Natural Earth'"
  check "$view: no outdated name (Kiev, Odessa, Lvov, Sevastapol, Macedonia alone, Donbass)" \
    "! pdftotext '$work/$view.pdf' - | grep -Eqw 'Kiev|Odessa|Lvov|Sevastapol|Donbass' && \
     ! pdftotext '$work/$view.pdf' - | grep -Eq '(^|[^h] )Macedonia'"
  check "$view: PDF embeds its fonts" \
    "pdffonts '$work/$view.pdf' | awk 'NR>2 {print \$(NF-4)}' | grep -qv no"
  "$straits" --export="$work/$view.svg" --view=$view --size=slide-16x9 2>"$work/err" \
    && ok "$view: SVG exported" || { fail "$view: SVG exported"; cat "$work/err"; }
  check "$view: SVG renders with rsvg-convert" \
    "rsvg-convert -o '$work/$view-svg.png' '$work/$view.svg' && [ -s '$work/$view-svg.png' ]"
  # Text as text: searchable, selectable, editable.
  title=$(python3 -c "import json,sys; print([v['title'] for v in json.load(open(sys.argv[1]))['views'] if v['id'] == sys.argv[2]][0])" \
            "$STRAITS_DATA_DIR/datasets/turkey-european-security.json" $view)
  svg_texts "$work/$view.svg" >"$work/$view.texts" 2>"$work/err" || cat "$work/err"
  check "$view: SVG is well-formed XML" "svg_parses '$work/$view.svg'"
  check "$view: SVG has its title, country names and credits as <text>" \
    "[ \"\$(head -1 '$work/$view.texts')\" = '$title' ] && grep -q '^Turkey\$' '$work/$view.texts' && \
     grep -q 'Made with Natural Earth' '$work/$view.texts' && grep -q '^[0-9]* km\$' '$work/$view.texts'"
  check "$view: SVG has no glyph outlines" "! grep -q -e '<symbol' -e 'glyph' '$work/$view.svg'"
  check "$view: SVG draws at 1920x1080 with its title in dark text" \
    "[ \"\$(png_size '$work/$view-svg.png')\" = '1920 1080' ] && [ \$(dark_pixels '$work/$view-svg.png' 20 20 400 56) -gt 100 ]"
done

# Print text is set with the font's own spacing, not rounded to whole
# points: every space in the credit line is as wide as the others (they
# were 0.55 to 1.31 pt at 6.5 pt when glyph positions were rounded).
even_spaces() {
  pdftotext -bbox-layout "$1" - | python3 -c '
import re, sys
words = [(float(a), float(b), float(c), float(d)) for a, b, c, d in
         re.findall(r"<word xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\"", sys.stdin.read())]
gaps = [w[0] - v[2] for v, w in zip(words, words[1:])
        if abs(w[1] - v[1]) < 0.3 and abs((w[3] - w[1]) - 7.8) < 0.3 and 0 < w[0] - v[2] < 4]
print(len(gaps), min(gaps), max(gaps), file=sys.stderr)
sys.exit(0 if len(gaps) > 20 and max(gaps) - min(gaps) < 0.2 and min(gaps) > 1 else 1)'
}
check "PDF credit line: every space the same width (unrounded glyph positions)" "even_spaces '$work/black-sea.pdf'"

# Slides are read from the back of a room: on a 16:9 slide (810 pt high)
# the map's names are at least 1/45 of the height and the title at least
# 1/20 (a word's box is about 1.2 times its font size); A4 keeps print sizes.
word_height() {
  pdftotext -bbox-layout "$1" - | python3 -c '
import re, sys
m = re.search(r"<word xMin=\"[\d.]+\" yMin=\"([\d.]+)\" xMax=\"[\d.]+\" yMax=\"([\d.]+)\">" + re.escape(sys.argv[1]) + "<", sys.stdin.read())
print(float(m.group(2)) - float(m.group(1)) if m else 0)' "$2"
}
"$straits" --export="$work/slide-type.pdf" --view=black-sea --size=slide-16x9
check "a 16:9 slide's city names are at least 1/45 of its height (Ankara: $(word_height "$work/slide-type.pdf" Ankara) pt box)" \
  "python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) >= 1.15 * 810 / 45 else 1)' $(word_height "$work/slide-type.pdf" Ankara)"
check "a 16:9 slide's title is at least 1/20 of its height" \
  "python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) >= 1.15 * 810 / 20 else 1)' $(word_height "$work/slide-type.pdf" Black)"
check "an A4 page keeps print sizes (Ankara under 12 pt)" \
  "python3 -c 'import sys; sys.exit(0 if 0 < float(sys.argv[1]) < 12 else 1)' $(word_height "$work/black-sea.pdf" Ankara)"

# The date a figure depicts is under its title; one credit line.
check "a figure says which date it depicts (--time=2014: As of 2014; else all dates, data as of)" \
  "'$straits' --export='$work/2014.pdf' --view=aegean --time=2014 && pdftotext '$work/2014.pdf' - | grep -q '^As of 2014\$' && \
   pdftotext '$work/aegean.pdf' - | grep -q '^All dates; data as of 2025\$'"
check "the credit line cites the sources once and credits Natural Earth" \
  "! pdftotext '$work/aegean.pdf' - | grep -q 'Data:' && pdftotext '$work/aegean.pdf' - | tr '\n' ' ' | grep -q 'Sources: Sinem Adar et al.' && \
   pdftotext '$work/aegean.pdf' - | tr '\n' ' ' | grep -q 'Made with Natural Earth'"

# Every figure states its territorial convention; --territories switches it.
check "credits name the EU convention by default" \
  "pdftotext '$work/black-sea.pdf' - | tr '\n' ' ' | grep -q 'Borders as the EU recognises them'"
"$straits" --export="$work/de-facto.pdf" --view=black-sea --territories=de-facto 2>"$work/err" \
  && ok "--territories=de-facto exports" || { fail "--territories=de-facto exports"; cat "$work/err"; }
check "de facto credits say they are not the EU's position" \
  "pdftotext '$work/de-facto.pdf' - | tr '\n' ' ' | grep -q \"Not the EU's position\""
check "--territories refuses an unknown convention, naming it" \
  "! '$straits' --export='$work/x.pdf' --view=black-sea --territories=russian 2>'$work/err' && grep -q 'russian' '$work/err' && [ ! -e '$work/x.pdf' ]"
check "Kosovo carries the EU's footnote where the view shows it" \
  "pdftotext '$work/aegean.pdf' - | tr '\n' ' ' | grep -q 'Kosovo\\*: \\*This designation is without prejudice'"
"$straits" --export="$work/2013.pdf" --view=black-sea --time=2013 2>"$work/err" \
  && ok "black-sea as of 2013 exports" || { fail "black-sea as of 2013 exports"; cat "$work/err"; }
check "as of 2013 Donbas and the 2022 regions are not named; Transnistria (since 1992) is" \
  "! pdftotext '$work/2013.pdf' - | grep -Eq 'Donbas|Kherson region|Donetsk region' && pdftotext '$work/2013.pdf' - | grep -q Transnistria"
# Two dates side by side: one figure, each panel with its date, one
# title block naming both, one credit line, one legend.
"$straits" --export="$work/compare.pdf" --view=black-sea --time=2013 --compare-time=2025 2>"$work/err" \
  && ok "--compare-time exports" || { fail "--compare-time exports"; cat "$work/err"; }
check "--compare-time: both panels' dates, the title block's both, one credit line and one legend" \
  "pdftotext '$work/compare.pdf' - >'$work/compare.txt' && grep -q '^As of 2013\$' '$work/compare.txt' && \
   grep -q '^As of 2025\$' '$work/compare.txt' && grep -q '^As of 2013 and 2025\$' '$work/compare.txt' && \
   [ \$(grep -c 'Made with Natural Earth' '$work/compare.txt') -eq 1 ] && \
   [ \$(grep -c '^Occupied or disputed area\$' '$work/compare.txt') -eq 1 ] && pdfinfo '$work/compare.pdf' | grep -q '^Pages: *1'"
"$straits" --export="$work/cmp.pdf" --view=black-sea --compare-time=2025 2>"$work/err"; status=$?
check "--compare-time without --time is refused (status 2), nothing written" \
  "[ $status -eq 2 ] && grep -q -- '--compare-time needs --time' '$work/err' && [ ! -e '$work/cmp.pdf' ]"
"$straits" --export="$work/cmp.pdf" --view=black-sea --time=2013 --compare-time=soon 2>"$work/err"; status=$?
check "an unparsable --compare-time is refused (status 2), naming it" \
  "[ $status -eq 2 ] && grep -q 'invalid --compare-time “soon”' '$work/err' && [ ! -e '$work/cmp.pdf' ]"
# In a German interface countries' names are German (iso-codes' catalogues,
# Straits' own for the short forms), on the map and in the legend.
LANGUAGE=de LANG=de_DE.UTF-8 "$straits" --export="$work/de.pdf" --view=eu-groupings 2>"$work/err" \
  && ok "a German export is written" || { fail "a German export is written"; cat "$work/err"; }
check "a German figure names Deutschland, Türkei and Russland, and no Germany" \
  "pdftotext '$work/de.pdf' - | grep -q Deutschland && pdftotext '$work/de.pdf' - | grep -q Türkei && \
   pdftotext '$work/de.pdf' - | grep -q Russland && ! pdftotext '$work/de.pdf' - | grep -qw Germany"
check "an English figure names Germany and Turkey, and no Deutschland" \
  "pdftotext '$work/eu-groupings.pdf' - | grep -q Germany && pdftotext '$work/eu-groupings.pdf' - | grep -q Turkey && \
   ! pdftotext '$work/eu-groupings.pdf' - | grep -q Deutschland"
for pair in "black-sea Istanbul" "black-sea Odesa" "black-sea Sevastopol" "black-sea Varna" \
            "aegean Istanbul" "aegean North Macedonia" "aegean Bulgaria" "aegean Imia/Kardak" \
            "eu-groupings Kyiv" "eu-groupings Bulgaria" "eu-groupings Portugal" "eu-groupings Ireland" \
            "eu-groupings Belgium" "eu-groupings Denmark" "eu-groupings Netherlands" "eu-groupings Estonia" \
            "eu-groupings Malta" "eu-groupings Slovenia" "eu-groupings Luxembourg" "eu-groupings Cyprus" \
            "black-sea Bulgaria" "black-sea Georgia" "black-sea Moldova" "aegean Cyprus" "aegean Albania"; do
  set -- $pair
  view=$1; shift
  check "$view: shows $*" "shows $view '$*'"
done

# Markup in a title is text, not markup; a blank title leaves its place blank.
"$straits" --export="$work/escaped.svg" --view=aegean --size=slide-16x9 --title='A & B <C>' 2>"$work/err" || cat "$work/err"
check "a title with & and < is escaped in the SVG, which parses" \
  "grep -q 'A &amp; B &lt;C&gt;' '$work/escaped.svg' && svg_parses '$work/escaped.svg' && \
   [ \"\$(svg_texts '$work/escaped.svg' | head -1)\" = 'A & B <C>' ]"
"$straits" --export="$work/untitled.svg" --view=aegean --size=slide-16x9 --title=' ' --subtitle= 2>"$work/err" || cat "$work/err"
rsvg-convert -o "$work/escaped.png" "$work/escaped.svg"
rsvg-convert -o "$work/untitled.png" "$work/untitled.svg"
check "rsvg-convert draws the escaped title; a blank title's area is blank" \
  "[ \$(dark_pixels '$work/escaped.png' 20 20 400 50) -gt 100 ] && [ \$(dark_pixels '$work/untitled.png' 20 20 400 50) -eq 0 ]"

"$straits" --export="$work/map.png" --view=aegean --size=a4-landscape --dpi=150
check "PNG at 150 dpi on A4 is 1754x1240" "[ \"\$(png_size '$work/map.png')\" = '1754 1240' ]"
"$straits" --export="$work/slide.png" --view=black-sea --size=slide-16x9
check "PNG slide at 96 dpi is 1920x1080" "[ \"\$(png_size '$work/slide.png')\" = '1920 1080' ]"

"$straits" --export="$work/x.pdf" --view=atlantis 2>"$work/err"; status=$?
check "unknown view fails" "[ $status -ne 0 ] && grep -q 'no view' '$work/err'"
"$straits" --export="$work/x.gif" --view=aegean 2>"$work/err"; status=$?
check "unknown extension fails" "[ $status -ne 0 ] && grep -q '.png, .pdf or .svg' '$work/err'"
"$straits" --export="$work/missing/dir/x.pdf" --view=aegean 2>"$work/err"; status=$?
check "unwritable path fails clearly" "[ $status -ne 0 ] && grep -q 'Cannot write' '$work/err'"
"$straits" --export="$work/x.png" --view=aegean --size=a5 2>"$work/err"; status=$?
check "unknown size fails" "[ $status -ne 0 ] && grep -q 'Unknown size' '$work/err'"

# A failure while writing leaves the previous file as it was, and no
# temporary file beside it.
echo "previous figure" > "$work/keep.png"
"$straits" --export="$work/keep.png" --view=aegean --size=20000x20000 --dpi=300 2>"$work/err"; status=$?
check "an export too large to draw fails" "[ $status -ne 0 ]"
check "the previous file is untouched" "[ \"\$(cat '$work/keep.png')\" = 'previous figure' ]"
check "no temporary file is left" "[ \$(ls -A '$work' | grep -c '^\.') -eq 0 ]"
# A disk that fills while a new file is written (a file size limit stands
# in for it, without root): no file at all, not half of one.
(trap '' XFSZ; ulimit -f 16; "$straits" --export-chart="$work/full.png" --chart=fig-tur-arms-import-shares \
  --size=a4-landscape --dpi=600 2>"$work/err"); status=$?
check "a new file that cannot be written whole fails, saying why" "[ $status -ne 0 ] && grep -q 'File too large' '$work/err'"
check "it leaves no partial file and no temporary file" "[ ! -e '$work/full.png' ] && [ \$(ls -A '$work' | grep -c '^\.') -eq 0 ]"
"$straits" --export="$work/keep.png/x.pdf" --view=aegean 2>"$work/err"; status=$?
check "a folder that is a file fails clearly" "[ $status -ne 0 ] && grep -q 'Cannot write.*keep.png/x.pdf.*Not a directory' '$work/err'"

# Figure elements.
"$straits" --export="$work/figure.pdf" --view=eu-groupings --title="Custom title for a briefing" \
  --marking=TLP:AMBER --alt-text --time=2019
check "the figure's title, marking, stamp and credits are text in the PDF" \
  "pdftotext '$work/figure.pdf' - | tr '\n' ' ' | grep -q 'Custom title for a briefing' && \
   pdftotext '$work/figure.pdf' - | grep -q 'TLP:AMBER' && pdftotext '$work/figure.pdf' - | grep -q 'data as of' && \
   pdftotext '$work/figure.pdf' - | grep -q 'Natural Earth' && pdftotext '$work/figure.pdf' - | grep -q 'km'"
check "--alt-text writes NAME.alt.txt naming the view's date and what is drawn" \
  "grep -q 'as of 2019' '$work/figure.alt.txt' && grep -q 'Cooperative' '$work/figure.alt.txt'"
check "the PDF's subject metadata is the alt text" "pdfinfo '$work/figure.pdf' | grep -q '^Subject: *Map: Custom title'"
"$straits" --export="$work/bare.pdf" --view=aegean --title= --no-legend --no-credits --no-scale-bar
check "every element can be left out" \
  "! pdftotext '$work/bare.pdf' - | grep -q 'Natural Earth' && ! pdftotext '$work/bare.pdf' - | grep -q ' km\$'"
for preset in slide-16x9:1440x810 slide-4x3:1080x810 a4-portrait:595.276x841.89 a3-landscape:1190.55x841.89 letter-portrait:612x792; do
  name=${preset%%:*}; want=${preset#*:}
  "$straits" --export="$work/$name.pdf" --view=black-sea --size="$name"
  check "$name: page size ${want/x/ x } pts" "pdfinfo '$work/$name.pdf' | grep -q 'Page size: *${want/x/ x } pts'"
done
"$straits" --export="$work/explicit.pdf" --view=aegean --legend --scale-bar --credits
check "--legend, --scale-bar and --credits ask for what is on by default" \
  "pdftotext '$work/explicit.pdf' - | tr '\n' ' ' | grep -q 'Natural Earth' && pdftotext '$work/explicit.pdf' - | grep -q ' km\$'"
"$straits" --export="$work/both.pdf" --view=aegean --legend --no-legend 2>"$work/err"; status=$?
check "--legend with --no-legend is refused" "[ $status -ne 0 ] && grep -q 'contradict' '$work/err' && [ ! -e '$work/both.pdf' ]"
"$straits" --export="$work/x.pdf" --view=aegean --marking=SECRET 2>"$work/err"; status=$?
check "an unknown marking is refused" "[ $status -ne 0 ] && grep -q 'TLP:CLEAR' '$work/err'"

# --relation-types draws only the relation types named, instead of the
# view's; an unknown id is refused with the ones the dataset has.
"$straits" --export="$work/types.pdf" --view=black-sea --relation-types=procurement 2>"$work/err"
check "--relation-types=procurement: the legend names procurement and none of the view's other types" \
  "pdftotext '$work/types.pdf' - | grep -q 'Procurement' && ! pdftotext '$work/types.pdf' - | grep -q 'Military cooperation'"
"$straits" --export="$work/types2.pdf" --view=black-sea --relation-types=procurment 2>"$work/err"; status=$?
check "--relation-types with an unknown id is refused, naming it and the known ones, and writes nothing" \
  "[ $status -ne 0 ] && grep -q 'procurment' '$work/err' && grep -q 'military-cooperation' '$work/err' && [ ! -e '$work/types2.pdf' ]"

# A dataset named on its own beside --export would be ignored and the
# bundled one drawn: refused (usage, status 2), nothing written.
"$straits" --export="$work/loose.png" "$STRAITS_DATA_DIR/datasets/turkey-european-security.json" 2>"$work/err"; status=$?
check "a dataset file given on its own with --export is refused, pointing to --dataset, and nothing is written" \
  "[ $status -eq 2 ] && grep -q -- '--dataset=FILE' '$work/err' && [ ! -e '$work/loose.png' ]"

# The presentation as a handout: the dataset's views, then this dataset's
# bookmarks (a bookmark of another dataset is kept but not shown).
title=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['metadata']['title'])" "$STRAITS_DATA_DIR/datasets/turkey-european-security.json")
mkdir -p "$work/xdg/straits"
cat >"$work/xdg/straits/bookmarks.json" <<JSON
{"format": "straits-bookmarks", "version": 1, "bookmarks": [
 {"title": "Poland and the drones", "dataset": "$title", "view": "eu-groupings", "selection": ["POL"], "time": "2021"},
 {"title": "Elsewhere", "dataset": "Another dataset", "view": "aegean"},
 {"title": "Black Sea mines", "dataset": "$title", "view": "black-sea", "time": "2024-06"}]}
JSON
XDG_DATA_HOME="$work/xdg" XDG_CACHE_HOME="$work/slides-cache" "$straits" --export-slides="$work/handout.pdf" 2>"$work/err" \
  && ok "--export-slides writes a handout" || { fail "--export-slides writes a handout"; cat "$work/err"; }
# The views' projected points are kept for the next run
# (straits-projection-memo.c); STRAITS_NO_CACHE=1 keeps no cache at all.
check "--export-slides keeps a memo of each view's projection (3 views, 3 projections)" \
  "[ \$(ls '$work/slides-cache/straits' | grep -c '^projection-.*\\.gvariant\$') -eq 3 ]"
XDG_DATA_HOME="$work/xdg" XDG_CACHE_HOME="$work/no-cache" STRAITS_NO_CACHE=1 "$straits" \
  --export-slides="$work/handout-no-cache.pdf" 2>"$work/err"
check "with STRAITS_NO_CACHE=1 the same handout, and no cache folder" \
  "[ ! -e '$work/no-cache' ] && cmp -s <(pdftotext '$work/handout.pdf' -) <(pdftotext '$work/handout-no-cache.pdf' -)"
check "the handout has a page per view and per bookmark of this dataset (3 + 2)" "pdfinfo '$work/handout.pdf' | grep -q '^Pages: *5'"
check "the handout's pages are slides (16:9)" "pdfinfo '$work/handout.pdf' | grep -q 'Page size: *1440 x 810 pts'"
check "bookmark titles are on their pages" \
  "pdftotext '$work/handout.pdf' - | grep -q 'Poland and the drones' && ! pdftotext '$work/handout.pdf' - | grep -q Elsewhere"
# A slide keeps the relation types it was saved with: the same state saved
# with no relation types draws none (and its legend names none), whatever
# the view draws.
cat >"$work/xdg/straits/bookmarks.json" <<JSON
{"format": "straits-bookmarks", "version": 1, "bookmarks": [
 {"title": "As the view", "dataset": "$title", "view": "black-sea", "time": "2024-06"},
 {"title": "No relations", "dataset": "$title", "view": "black-sea", "time": "2024-06", "relation-types": [], "overlays": [],
  "notes": "Not on the slide"}]}
JSON
XDG_DATA_HOME="$work/xdg" "$straits" --export-slides="$work/handout-types.pdf" 2>"$work/err"
check "a slide saved with its relation types draws them (legend)" \
  "pdftotext -f 4 -l 4 '$work/handout-types.pdf' - | grep -q 'Military cooperation' && ! pdftotext -f 5 -l 5 '$work/handout-types.pdf' - | grep -q 'Military cooperation'"
check "a slide's speaker notes are not on the slide" "! pdftotext '$work/handout-types.pdf' - | grep -q 'Not on the slide'"
echo '{"format": "straits-bookmarks", "bookmarks": [' >"$work/xdg/straits/bookmarks.json"
XDG_DATA_HOME="$work/xdg" "$straits" --export-slides="$work/handout2.pdf" 2>"$work/err"; status=$?
check "a damaged bookmarks file is reported and set aside; the views still export" \
  "[ $status -eq 0 ] && grep -q 'damaged' '$work/err' && ls '$work/xdg/straits/' | grep -q 'bookmarks.json.damaged-' && pdfinfo '$work/handout2.pdf' | grep -q '^Pages: *3'"

# Charts from the command line.
"$straits" --list-charts >"$work/charts" 2>"$work/err"
check "--list-charts names the bundled dataset's charts" \
  "grep -q '^fig-tur-arms-import-shares	shares	TUR	' '$work/charts' && [ \$(wc -l <'$work/charts') -ge 5 ]"
"$straits" --list-charts --subject=ESP >"$work/charts-esp"
check "--list-charts --subject=ESP lists only charts about Spain" \
  "grep -q fig-tur-arms-import-shares '$work/charts-esp' && ! grep -q fig-fra-customers-tur-rank '$work/charts-esp'"
"$straits" --export-chart="$work/chart.pdf" --chart=fig-tur-arms-import-shares --size=a4-landscape \
  && ok "chart: PDF exported" || fail "chart: PDF exported"
check "chart: the PDF is A4 landscape" "pdfinfo '$work/chart.pdf' | grep -q 'Page size: *841.89 x 595.276 pts'"
check "chart: the PDF's text has the title, the suppliers and the remainder" \
  "pdftotext '$work/chart.pdf' - | tr '\n' ' ' | grep -q \"Shares of Turkey's arms imports\" && pdftotext '$work/chart.pdf' - | grep -q Spain && pdftotext '$work/chart.pdf' - | grep -q Other"
"$straits" --export-chart="$work/chart.svg" --chart=fig-tur-defence-exports --subject=TUR --donut \
  && ok "chart: SVG exported" || fail "chart: SVG exported"
check "chart: the SVG renders with rsvg-convert" \
  "rsvg-convert -o '$work/chart-svg.png' '$work/chart.svg' && [ -s '$work/chart-svg.png' ]"
check "chart: the SVG's title, values and source are <text>, without glyph outlines" \
  "svg_texts '$work/chart.svg' | grep -q \"^Turkey's defence and aerospace exports\$\" && \
   svg_texts '$work/chart.svg' | grep -q 'USD billion' && svg_texts '$work/chart.svg' | grep -q 'Source: Turkey and European Security' && \
   ! grep -q -e '<symbol' -e 'glyph' '$work/chart.svg'"
"$straits" --export-chart="$work/chart.png" --chart=fig-fra-customers-tur-rank --size=800x500 --dpi=192
check "chart: PNG at 192 dpi is twice its size in pixels" "[ \"\$(png_size '$work/chart.png')\" = '1600 1000' ]"
"$straits" --export-chart="$work/marked.pdf" --chart=fig-tur-arms-import-shares --marking=TLP:AMBER --alt-text \
  && ok "chart: PDF with a marking and alt text exported" || fail "chart: PDF with a marking and alt text exported"
check "chart: the marking is printed and the alt text written beside the file, naming the title and values" \
  "pdftotext '$work/marked.pdf' - | grep -q 'TLP:AMBER' && grep -q \"^Chart: Shares of Turkey's arms imports\" '$work/marked.alt.txt' && \
   grep -q 'Spain' '$work/marked.alt.txt' && pdfinfo '$work/marked.pdf' | grep -q '^Subject: *Chart: Shares'"
"$straits" --export-chart="$work/z.pdf" --chart=fig-tur-arms-import-shares --marking=SECRET 2>"$work/err"; status=$?
check "chart: an unknown marking is refused, and nothing written" "[ $status -ne 0 ] && grep -q 'TLP:CLEAR' '$work/err' && [ ! -e '$work/z.pdf' ]"
"$straits" --export-chart="$work/y.png" --chart=fig-none 2>"$work/err"; status=$?
check "chart: an unknown chart fails and points to --list-charts" "[ $status -ne 0 ] && grep -q -- '--list-charts' '$work/err'"
"$straits" --export-chart="$work/y.png" --chart=fig-fra-customers-tur-rank --subject=ESP 2>"$work/err"; status=$?
check "chart: a chart not about the subject fails" "[ $status -ne 0 ] && grep -q 'not about' '$work/err'"
"$straits" --export-chart="$work/missing/y.pdf" --chart=fig-tur-defence-exports 2>"$work/err"; status=$?
check "chart: an unwritable path fails clearly" "[ $status -ne 0 ] && grep -q 'Cannot write' '$work/err'"

# Maritime measures and their overlay.
STRAITS_NO_CACHE=1 "$straits" --maritime-report --format=json >"$work/maritime.json" 2>"$work/err" \
  && ok "--maritime-report --format=json runs" || { fail "--maritime-report --format=json runs"; cat "$work/err"; }
check "the maritime JSON has both limits, the coastlines with CRIMEA and the method" \
  "python3 -c \"import json,sys; d=json.load(open('$work/maritime.json')); a=d['aegean']; \
assert [l['nm'] for l in a['limits']]==[6,12]; \
assert all(abs(sum(l['share_pct'].values())-100)<0.05 for l in a['limits']); \
assert a['limits'][1]['share_pct']['GRC']>a['limits'][0]['share_pct']['GRC']; \
assert 'CRIMEA' in d['black_sea']['coastline_km'] and 'TUR' in d['black_sea']['sea_of_azov_coastline_km']; \
assert 'OpenStreetMap' in d['method']\""
"$straits" --maritime-report >"$work/maritime.txt"
check "the text report names both limits and the method" "grep -q '12 nm' '$work/maritime.txt' && grep -q 'Method' '$work/maritime.txt'"
"$straits" --export="$work/seas.pdf" --view=aegean --territorial-seas=both
check "an Aegean PDF with territorial seas has their shares and credit in its legend" \
  "pdftotext '$work/seas.pdf' - | grep -q 'Greek territorial sea, 12 nm' && pdftotext '$work/seas.pdf' - | grep -q 'OpenStreetMap'"
"$straits" --export="$work/x.png" --view=black-sea --territorial-seas=12 2>"$work/err"; status=$?
check "territorial seas outside the Aegean view are refused" "[ $status -ne 0 ] && grep -q 'Aegean view only' '$work/err'"

echo "1..$n"
[ $fails -eq 0 ]

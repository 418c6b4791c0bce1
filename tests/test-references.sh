#!/usr/bin/env bash
# Exports compared with reference images made before a change (issue 13:
# the restructuring must not change a pixel of what users export). Each
# case is exported as the CLI writes it; PDF and SVG are rasterised with
# poppler and librsvg, then compared with ImageMagick.
#   test-references.sh STRAITS            compare (TAP)
#   test-references.sh STRAITS --update   write tests/references/ anew
set -u
straits="$1"
update="${2:-}"
refs="$(cd "$(dirname "$0")" && pwd)/references"
. "$(dirname "$0")/tap.sh"

# NAME then the straits arguments; the output file is added by export().
cases=(
  "black-sea.png|--export=OUT.png --view=black-sea --size=960x540"
  "aegean.png|--export=OUT.png --view=aegean --size=960x540"
  "eu-groupings.png|--export=OUT.png --view=eu-groupings --size=960x540"
  "eu-groupings-2014.png|--export=OUT.png --view=eu-groupings --size=960x540 --time=2014"
  "aegean-seas-de-facto.png|--export=OUT.png --view=aegean --size=960x540 --territorial-seas=both --territories=de-facto"
  "black-sea-slide.png|--export=OUT.png --view=black-sea --size=slide-16x9 --dpi=48 --marking=TLP:GREEN"
  "aegean-a4.pdf|--export=OUT.pdf --view=aegean --size=a4-landscape"
  "black-sea.svg|--export=OUT.svg --view=black-sea --size=960x540 --no-legend"
  "chart-shares.png|--export-chart=OUT.png --chart=fig-tur-arms-import-shares --size=800x450"
  "chart-value.pdf|--export-chart=OUT.pdf --chart=fig-tur-defence-exports --size=a4-portrait"
  "slides.pdf|--export-slides=OUT.pdf"
)

# Rasterises FILE (png, pdf or svg) to PNG files NAME-N.png in DIR, one a page.
rasterise() {
  local file="$1" dir="$2" name="$3"
  case "$file" in
    *.png) cp "$file" "$dir/$name-1.png" ;;
    *.pdf) pdftoppm -r 48 -png "$file" "$dir/$name" ;;
    *.svg) rsvg-convert -o "$dir/$name-1.png" "$file" ;;
  esac
}

mkdir -p "$work/new"
for entry in "${cases[@]}"; do
  name="${entry%%|*}"
  args="${entry#*|}"
  ext="${name##*.}"
  base="${name%.*}-$ext"
  out="$work/$base.$ext"
  # shellcheck disable=SC2086
  if ! "$straits" ${args//OUT.$ext/$out} 2>"$work/err"; then
    fail "$name: exported"; cat "$work/err"; continue
  fi
  rasterise "$out" "$work/new" "$base" || { fail "$name: rasterised"; continue; }
  if [ "$update" = "--update" ]; then
    rm -f "$refs/$base"-[0-9]*.png
    cp "$work/new/$base"-[0-9]*.png "$refs/"
    ok "$name: reference written"
    continue
  fi
  pages_new=$(ls "$work/new/$base"-[0-9]*.png | wc -l)
  pages_ref=$(ls "$refs/$base"-[0-9]*.png 2>/dev/null | wc -l)
  check "$name: $pages_ref page(s), as the reference" "[ $pages_new -eq $pages_ref ]"
  for ref in "$refs/$base"-[0-9]*.png; do
    [ -f "$ref" ] || continue
    page="${ref##*/}"
    new="$work/new/$page"
    # Pixels that differ at all; the output must be the reference's.
    differing=$(compare -metric AE "$ref" "$new" null: 2>&1 | cut -d' ' -f1)
    if [ "$differing" = "0" ]; then
      ok "$page: identical to the reference"
    else
      fail "$page: identical to the reference ($differing pixels differ)"
      compare "$ref" "$new" "$work/diff.png" 2>/dev/null || true
    fi
  done
done
echo "1..$n"
[ $fails -eq 0 ]

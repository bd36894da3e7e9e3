#!/usr/bin/env bash
# Rebuilds the PDF fonts in src/lib/pdf/fonts/ from Debian's fonts-dejavu-core: DejaVu Sans and
# DejaVu Sans Bold cut down to Latin (Basic, Latin-1, Extended-A/B, Extended Additional),
# Greek, Cyrillic (+ Supplement), common punctuation, currency, arrows and a few symbols.
# Hinting and OpenType layout tables are dropped (jsPDF uses neither). Needs python3-fonttools
# (Debian package; not needed by CI, which uses the committed files).
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/truetype/dejavu
out=src/lib/pdf/fonts
ranges="U+0020-007E,U+00A0-024F,U+0259,U+02B0-02FF,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-2199,U+2212,U+2264-2265,U+221E,U+2260,U+25A0-25A1,U+25CB,U+25CF,U+2610-2612,U+2713-2714,U+2717,U+FFFD"
for f in DejaVuSans DejaVuSans-Bold; do
	/usr/bin/python3 -m fontTools.subset "$src/$f.ttf" --unicodes="$ranges" --no-hinting \
		--drop-tables+=GSUB,GPOS,GDEF,kern,FFTM --name-IDs='*' --name-languages='*' --notdef-outline \
		--output-file="$out/$f-subset.ttf"
done
ls -l "$out"

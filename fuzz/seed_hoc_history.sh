#!/bin/sh
# Cuts small seed inputs for the hoc_history fuzz target from the House of Commons Library's
# party-level results (uk-history/GE_results.tsv), so that the fuzzer starts from the layout as
# published: the header, ONS and older numeric seat codes, `Other` rows, `PC/SNP` in Wales and
# Scotland, seats with no winner, a BOM and CRLF line endings.
#
#     fuzz/seed_hoc_history.sh [REAL_DIR] [OUT_DIR]
#
# REAL_DIR defaults to tests/data/real in the repository, OUT_DIR to
# fuzz/seeds/hoc_history (ignored by git: the seeds are cut from a file under the Open
# Parliament Licence v3.0 and are not committed).
set -eu
here=$(dirname "$0")
real=${1:-$here/../tests/data/real}
out=${2:-$here/seeds/hoc_history}
file=$real/uk-history/GE_results.tsv
[ -r "$file" ] || { echo "missing $file" >&2; exit 1; }
mkdir -p "$out"
header=$(head -n 1 "$file")

# The header, then the rows matching a regex.
rows() {
    printf '%s\n' "$header"
    grep -E "$1" "$file" | head -n "${2:-200}"
}

head -n 60 "$file" > "$out/first-rows.tsv"
rows 'STOCKPORT' > "$out/stockport.tsv"
rows 'WEST BROMWICH WEST|WYRE FOREST|N06000013' > "$out/no-winner.tsv"
rows 'PC/SNP' 30 > "$out/pc-snp.tsv"
rows '\|(BUCKINGHAM|CHORLEY)\|' > "$out/speaker.tsv"
printf '\357\273\277%s\r\nE14000969|STOCKPORT|Greater Manchester|North West|England|\t2019-12-12\tOther\t0\r\n' \
    "$header" > "$out/bom-crlf.tsv"
ls -l "$out"

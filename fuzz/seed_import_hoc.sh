#!/bin/sh
# Cuts small seed inputs for the import_hoc fuzz target from the House of Commons Library's
# real files, so that the fuzzer starts from the layouts as published (GE2017 and GE2019
# candidate files, the GE2019 constituency file, LF and CRLF line endings, quoted commas,
# non-ASCII names, the quirks listed in SOURCES.md) rather than from nothing.
#
#     fuzz/seed_import_hoc.sh [REAL_DIR] [OUT_DIR]
#
# REAL_DIR defaults to tests/data/real in the repository (where the tests find the same
# files), OUT_DIR to fuzz/seeds/import_hoc (ignored by git: the seeds are derived from files
# under the Open Parliament Licence v3.0 and are not committed). Each seed is a header and a few
# seats' rows, a few kilobytes; a "join" seed is a candidate sample, a 0xFF byte, and the
# constituency rows of the same seats, which the target imports as with --constituencies.
set -eu
here=$(dirname "$0")
real=${1:-$here/../tests/data/real}
out=${2:-$here/seeds/import_hoc}
c2019=$real/HoC-GE2019-results-by-candidate.csv
c2017=$real/HoC-GE2017-results-by-candidate.csv
s2019=$real/HoC-GE2019-results-by-constituency.csv
for f in "$c2019" "$c2017" "$s2019"; do
    [ -r "$f" ] || { echo "missing $f" >&2; exit 1; }
done
mkdir -p "$out"

# The header of FILE, then the rows of the seats whose ONS ids are given (a regex).
seats() {
    head -n 1 "$1"
    grep -E "^($2)," "$1"
}

# Aberavon and Aberconwy (Wales); Meon Valley (votes disagree with the constituency file);
# Ynys Môn (spelt two ways); Chorley (the Speaker); Belfast East (Northern Ireland parties);
# a seat in the East region (unified with "East of England"); Ayr, Carrick and Cumnock (a quoted comma).
few='W07000049|W07000058'
quirks='E14000811|W07000041|E14000637|N06000001|E14000544|S14000006'

seats "$c2019" "$few" > "$out/ge2019-candidates.csv"
seats "$c2017" "$few" > "$out/ge2017-candidates.csv"
seats "$c2019" "$quirks" > "$out/ge2019-quirks.csv"
seats "$c2017" "$quirks" > "$out/ge2017-quirks.csv"
head -n 12 "$s2019" > "$out/ge2019-constituencies-as-candidates.csv"
for name in few quirks; do
    eval "ids=\$$name"
    {
        seats "$c2019" "$ids"
        printf '\377'
        seats "$s2019" "$ids"
    } > "$out/join-ge2019-$name.csv"
done
{
    seats "$c2017" "$few"
    printf '\377'
    seats "$s2019" "$few"
} > "$out/join-ge2017-with-2019-constituencies.csv"
ls -l "$out"

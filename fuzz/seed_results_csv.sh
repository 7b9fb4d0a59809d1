#!/bin/sh
# Writes seed inputs for the results_csv fuzz target: each is the target's 17-byte mapping
# prefix (see fuzz/fuzz_targets/results_csv.rs) and a CSV: the Bundestag 2025 second votes
# mapped as tests/cli/results_csv.rs maps them and with no flags, the same with other
# delimiters, a few seats of the House of Commons Library's files mapped by column, and the
# OpenElections-layout samples of tests/engine/results_csv.rs and the benchmark generator's
# shapes (precincts summed, thousands separators, quoted fields, over/under-vote rows).
#
#     fuzz/seed_results_csv.sh [REAL_DIR] [OUT_DIR]
#
# REAL_DIR defaults to tests/data/real in the repository (where the tests find the same
# files), OUT_DIR to fuzz/seeds/results_csv (ignored by git: the samples are the publishers'
# data and are not committed). Every seed is under 32 KB, the -max_len the run uses.
set -eu
here=$(dirname "$0")
real=${1:-$here/../tests/data/real}
out=${2:-$here/seeds/results_csv}
bt=$real/csv/de_bundestag_2025_second_vote.csv
c2019=$real/HoC-GE2019-results-by-candidate.csv
s2019=$real/HoC-GE2019-results-by-constituency.csv
for f in "$bt" "$c2019" "$s2019"; do
    [ -r "$f" ] || { echo "missing $f" >&2; exit 1; }
done
mkdir -p "$out"

# The 17 prefix bytes, given as decimal numbers (missing ones are 0). A column byte picks the
# header's column (byte % width; 0 is no flag, so the first column is the width itself; +128
# for the name in capitals); a value byte picks a cell of the rows after the header, counted
# row by row from 0.
prefix() {
    n=0
    for b in "$@"; do
        printf "\\$(printf '%03o' "$b")"
        n=$((n + 1))
    done
    while [ "$n" -lt 17 ]; do
        printf '\000'
        n=$((n + 1))
    done
}
# Flag bits of byte 0.
COMMA=1 TAB=2 GIVEN=3 MAP=4 ONE=8 TWO=16 THREE=24 REJROW=32 NOTCAND=64 DATE=128

# Bundestag: node(0),district(1),name(2),votes(3),group(4). As the CLI test maps it:
# --contest district --candidate name --votes votes --rejected-row '? Ungültige' (cell 2)
# --date --kind general-election (kind 3).
{ prefix $((MAP + ONE + REJROW + DATE)) 0 3  1 0 0  2 0 3 0 0 0 0 0 0  2 0; cat "$bt"; } > "$out/bundestag-flags.csv"
{ prefix 0; cat "$bt"; } > "$out/bundestag-no-flags.csv"
{ prefix $((MAP + TWO + REJROW + NOTCAND)) 0 0  5 1 0  2 4 3 5 1 0 0 0 0  2 7; sed 's/,/;/g' "$bt"; } > "$out/bundestag-semicolons.csv"
{ prefix $((MAP + ONE + TAB)) 0 0  1 0 0  2 4 3 0 0 0 0 0 0; head -n 40 "$bt" | tr ',' '\t'; } > "$out/bundestag-tabs.csv"
{ prefix $((GIVEN + MAP + ONE)) 124 0  1 0 0  130 0 131; head -n 40 "$bt" | tr ',' '|'; } > "$out/bundestag-pipes-capitals.csv"

# HoC GE2019 candidates: ons_id(0) … constituency_name(2) region_name(4) party_name(7)
# surname(10) votes(14) share(15). A few seats, by flags and with none (which fails).
head -n 30 "$c2019" > "$out/.hoc-c"
{ prefix $((MAP + TWO)) 0 3  2 4 0  10 7 14 4 2 0 0 0 0; cat "$out/.hoc-c"; } > "$out/hoc-candidates-mapped.csv"
{ prefix 0; cat "$out/.hoc-c"; } > "$out/hoc-candidates-no-flags.csv"
{ prefix $((MAP + ONE)) 0 0  2 0 0  10 7 15; sed 's/$/\r/' "$out/.hoc-c"; } > "$out/hoc-candidates-share-crlf.csv"
# HoC GE2019 constituencies: Constituency name(2), First party(12), Electorate(14),
# Valid votes(15), Invalid votes(16), Majority(17); --eligible/--valid/--rejected per contest.
{ prefix $((MAP + ONE)) 0 4  2 0 0  12 13 17 4 2 0 14 15 16; head -n 25 "$s2019"; } > "$out/hoc-constituencies-mapped.csv"
rm -f "$out/.hoc-c"

# OpenElections layout: county(0),precinct(1),office(2),district(3),party(4),candidate(5),
# votes(6). The first row's candidate cell (5) is "Over Votes", the second's (12)
# "Registered Voters": the --rejected-row and --not-candidate values.
open_elections() {
    cat <<'CSV'
county,precinct,office,district,party,candidate,votes
Fulton,"P1 - North",U.S. House,5,,Over Votes,3
Fulton,"P1 - North",Registered Voters,,,Registered Voters,"1,204"
Fulton,"P1 - North",U.S. House,5,DEM,"Smith, Ann","1,200"
Fulton,"P2 - South",U.S. House,5,DEM,"Smith, Ann",300
Fulton,"P1 - North",U.S. House,5,REP,Bob Jones,900
Fulton,"P2 - South",U.S. House,5,REP,Bob Jones,100
Fulton,"P2 - South",U.S. House,5,,Over Votes,1
Fulton,P1 - North,Governor,,DEM,Cy,50
Fulton,P1 - North,Governor,,REP,Di,50
Fulton,P1 - North,Governor,,,Ed,
DeKalb,"Precinct ""A""",State Senate,42,DEM,Lee O'Neil,"12,345"
DeKalb,"Precinct ""A""",State Senate,42,REP,"Kim, Jr.",7 001
DeKalb,"Precinct ""A""",State Senate,42,,Write-ins,0
CSV
}
{ prefix 0; open_elections; } > "$out/open-elections.csv"
{ prefix $((REJROW + NOTCAND + DATE)) 0 5  0 0 0  0 0 0 0 0 0 0 0 0  5 12; open_elections; } > "$out/open-elections-rows.csv"
{ prefix $((COMMA + MAP + THREE + REJROW)) 0 1  0 2 3  5 4 6 0 1 0 0 0 0  5; printf '\357\273\277'; open_elections | sed 's/$/\r/'; } > "$out/open-elections-bom-crlf.csv"
# tests/engine/results_csv.rs: a semicolon file with per-contest columns and an invalid row.
{ prefix $((MAP + ONE + REJROW)) 0 0  5 0 0  1 0 2 0 0 0 4 3 0  1; printf 'Wahlkreis;Partei;Stimmen;Gültige;Wahlberechtigte\nNord;Ungültig;12;2.000;5.000\nNord;A;1.234;2.000;5.000\nNord;B;766;2.000;5.000\nSüd;A;1;2;3\n'; } > "$out/wahlkreis.csv"
{ prefix $((MAP + ONE)) 0 0  4 0 0  1 0 2 0 0 3; printf 'race,name,votes,date\nMayor,Ann,12,11/5/2024\nMayor,Bob,7,2024-11-05\n'; } > "$out/date-column.csv"
ls -l "$out"

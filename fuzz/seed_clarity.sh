#!/bin/sh
# Cuts seed inputs for the clarity fuzz target from the real Clarity file (Greenup County,
# Kentucky, 2014 Republican Senate primary, detail.xml with per-precinct figures) and the
# Google Civics sample feed (an NIST-style ElectionReport, which Clarity must refuse in one
# line), and writes the hand-made documents of tests/engine/clarity.rs and a few quirks, so
# that the fuzzer starts from the format as published rather than from nothing.
#
#     fuzz/seed_clarity.sh [REAL_DIR] [OUT_DIR]
#
# REAL_DIR defaults to tests/data/real in the repository (where the tests find the same
# files), OUT_DIR to fuzz/seeds/clarity (ignored by git: the samples are the publishers' data
# and are not committed). Every seed is under 32 KB, the -max_len the run uses.
set -eu
here=$(dirname "$0")
real=${1:-$here/../tests/data/real}
out=${2:-$here/seeds/clarity}
greenup=$real/results/kentucky_greenup_2014_gop_senate_primary_precinct.xml
google=$real/results/google_civics_post_election_sample_feed_summary.xml
for f in "$greenup" "$google"; do
    [ -r "$f" ] || { echo "missing $f" >&2; exit 1; }
done
mkdir -p "$out"

# The whole file (17 KB), and variants of it without the per-precinct rows (1.5 KB: fast).
cat "$greenup" > "$out/greenup.xml"
grep -v '<Precinct ' "$greenup" | grep -v -e '<Precincts>' -e '</Precincts>' > "$out/greenup-totals.xml"
sed 's/$/\r/' "$out/greenup-totals.xml" > "$out/greenup-totals-crlf.xml"
{ printf '\357\273\277  '; cat "$out/greenup-totals.xml"; } > "$out/greenup-totals-bom.xml"
# No totalVotes: each choice's votes are the sum of its vote types.
sed 's/ totalVotes="[0-9]*"//' "$out/greenup-totals.xml" > "$out/greenup-summed.xml"
# Partly reported, and cut off mid-contest.
sed 's/precinctsReported="32"/precinctsReported="30"/' "$out/greenup-totals.xml" > "$out/greenup-partial.xml"
head -c 6000 "$greenup" > "$out/greenup-truncated.xml"
# Not Clarity: the root element is ElectionReport.
head -c 12000 "$google" > "$out/google-sample-head.xml"

# tests/engine/clarity.rs: partly reported, a vote-for-2 contest, a tie, an entity, thousands.
cat > "$out/partial.xml" <<'XML'
<?xml version="1.0"?>
<ElectionResult>
  <ElectionName>2024 General Election</ElectionName>
  <ElectionDate>11/5/2024</ElectionDate>
  <Region>Example County</Region>
  <ElectionVoterTurnout totalVoters="1,000" ballotsCast="400" />
  <Contest key="1" text="Mayor" voteFor="1" precinctsParticipating="10" precinctsReported="4">
    <Choice key="1" text="Ann &amp; Co" party="DEM"><VoteType name="Election Day" votes="100"/><VoteType name="Absentee" votes="50"/></Choice>
    <Choice key="2" text="Bob" party="REP" totalVotes="120"/>
  </Contest>
  <Contest key="2" text="Council" voteFor="2" precinctsParticipating="10" precinctsReported="10" undervotes="7" overvotes="1">
    <Choice key="1" text="Cy" totalVotes="90"/>
    <Choice key="2" text="Di" totalVotes="80"/>
    <Choice key="3" text="Ed" totalVotes="80"/>
    <Choice key="4" text="Write-in" totalVotes="3"/>
  </Contest>
  <Contest key="3" text="Clerk" voteFor="1" precinctsParticipating="10" precinctsReported="10">
    <Choice key="1" text="Fay" totalVotes="50"/>
    <Choice key="2" text="Gus" totalVotes="50"/>
  </Contest>
</ElectionResult>
XML

# Quirks: a ballot question, counties instead of precincts, CDATA, character references, a
# namespace prefix, contest-level vote types, a summary-shaped file with no election name.
cat > "$out/quirks.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<!-- a comment -->
<ElectionResult xmlns:c="urn:example">
  <Timestamp>11/6/2024 1:02:03 AM EST</Timestamp>
  <ElectionName><![CDATA[2024 General & Special]]></ElectionName>
  <ElectionDate>11/05/2024</ElectionDate>
  <Region>St&#x2e; Mary&#39;s</Region>
  <VoterTurnout totalVoters="0" ballotsCast="12,345"><Counties><County name="A" ballotsCast="1"/></Counties></VoterTurnout>
  <Contest key="7" text="Amendment 1" isQuestion="true" voteFor="1" countiesParticipating="3" countiesReported="3">
    <VoteType name="Under Votes" votes="12"/><VoteType name="Over-Votes" votes="3"/><VoteType name="Blank" votes="1"/>
    <Choice key="1" text="Yes" totalVotes="5,000"/>
    <Choice key="2" text="No" totalVotes="4,999"/>
  </Contest>
  <c:Contest key="8" voteFor="3" precinctsParticipating="2" precinctsReporting="2">
    <Choice key="1" text="  Zoë   Ng " party="NPA" totalVotes="10"><VoteType name="Election" votes="10"><Precinct name="P1" votes="10"/></VoteType></Choice>
    <Choice key="2" text="Al" party="NPA" totalVotes="10"/>
  </c:Contest>
  <Settings/>
</ElectionResult>
XML
printf '<ElectionResult><Contest key="1"><Choice text="A" totalVotes="1"/></Contest></ElectionResult>' > "$out/summary-minimal.xml"
ls -l "$out"

#!/bin/sh
# Seeds for the nist fuzz target: the test reports of tests/data/nist (JSON and XML, GE2019
# seats and the Maine 2018 primary's rounds), Google's sample feed (the older XML flavour, with
# …Collection wrappers), and two small reports written here that reach what those do not:
# counts for precincts only (summed), counts by type without a total, a count suppressed for
# privacy, a party contest with seats, a ballot measure, a write-in, a hierarchy of units.
#
#     fuzz/seed_nist.sh [REAL_DIR] [OUT_DIR]
#
# REAL_DIR defaults to tests/data/real in the repository (where the tests find the
# same files), OUT_DIR to fuzz/seeds/nist (ignored by git).
set -eu
here=$(dirname "$0")
real=${1:-$here/../tests/data/real}
out=${2:-$here/seeds/nist}
google=$real/results/google_civics_post_election_sample_feed_summary.xml
[ -r "$google" ] || { echo "missing $google" >&2; exit 1; }
mkdir -p "$out"
cp "$here"/../tests/data/nist/*.json "$here"/../tests/data/nist/*.xml "$out"/
cp "$google" "$out"/google-sample.xml

cat > "$out/precincts.json" <<'JSON'
{"@type": "ElectionResults.ElectionReport", "Format": "precinct-level",
 "GeneratedDate": "2024-11-06T09:00:00Z", "Issuer": "Seed County", "IssuerAbbreviation": "SC",
 "SequenceStart": 1, "SequenceEnd": 1, "Status": "certified", "VendorApplicationId": "seed",
 "GpUnit": [
  {"@type": "ElectionResults.ReportingUnit", "@id": "all", "Type": "county", "ComposingGpUnitIds": ["w1", "w2"],
   "VotersRegistered": 900},
  {"@type": "ElectionResults.ReportingUnit", "@id": "w1", "Type": "ward", "ComposingGpUnitIds": ["p1", "p2"]},
  {"@type": "ElectionResults.ReportingUnit", "@id": "w2", "Type": "ward"},
  {"@type": "ElectionResults.ReportingUnit", "@id": "p1", "Type": "precinct"},
  {"@type": "ElectionResults.ReportingUnit", "@id": "p2", "Type": "precinct"},
  {"@type": "ElectionResults.ReportingDevice", "@id": "dev"}],
 "Party": [
  {"@type": "ElectionResults.Party", "@id": "red", "Color": "cc0000",
   "Name": {"@type": "ElectionResults.InternationalizedText", "Text": [{"@type": "ElectionResults.LanguageString", "Content": "Red", "Language": "en"}]}},
  {"@type": "ElectionResults.Coalition", "@id": "both", "PartyIds": ["red"],
   "Name": {"@type": "ElectionResults.InternationalizedText", "Text": [{"@type": "ElectionResults.LanguageString", "Content": "Both", "Language": "en"}]}}],
 "Election": [{"@type": "ElectionResults.Election", "ElectionScopeId": "all", "StartDate": "2024-11-05",
  "EndDate": "2024-11-05", "Type": "general",
  "Name": {"@type": "ElectionResults.InternationalizedText", "Text": [{"@type": "ElectionResults.LanguageString", "Content": "Seed", "Language": "en"}]},
  "BallotCounts": [{"@type": "ElectionResults.BallotCounts", "GpUnitId": "w1", "Type": "total", "BallotsCast": 300, "BallotsRejected": 4},
                   {"@type": "ElectionResults.BallotCounts", "GpUnitId": "w2", "Type": "total", "BallotsCast": 200}],
  "Candidate": [
   {"@type": "ElectionResults.Candidate", "@id": "ann", "PartyId": "red", "IsIncumbent": true,
    "BallotName": {"@type": "ElectionResults.InternationalizedText", "Text": [{"@type": "ElectionResults.LanguageString", "Content": "Ann", "Language": "en"}]}},
   {"@type": "ElectionResults.Candidate", "@id": "bob", "PreElectionStatus": "withdrawn",
    "BallotName": {"@type": "ElectionResults.InternationalizedText", "Text": [{"@type": "ElectionResults.LanguageString", "Content": "Bob", "Language": "en"}]}}],
  "Contest": [
   {"@type": "ElectionResults.CandidateContest", "@id": "mayor", "Name": "Mayor", "ElectionDistrictId": "all",
    "VotesAllowed": 1, "VoteVariation": "plurality", "SubUnitsReported": 3, "TotalSubUnits": 3,
    "OtherCounts": [{"@type": "ElectionResults.OtherCounts", "GpUnitId": "w1", "Undervotes": 3, "Overvotes": 1}],
    "ContestSelection": [
     {"@type": "ElectionResults.CandidateSelection", "@id": "s1", "CandidateIds": ["ann"], "EndorsementPartyIds": ["both"],
      "VoteCounts": [{"@type": "ElectionResults.VoteCounts", "GpUnitId": "p1", "Type": "election-day", "Count": 100},
                     {"@type": "ElectionResults.VoteCounts", "GpUnitId": "p1", "Type": "early", "Count": 20},
                     {"@type": "ElectionResults.VoteCounts", "GpUnitId": "p2", "Type": "total", "Count": 60},
                     {"@type": "ElectionResults.VoteCounts", "GpUnitId": "w2", "Type": "total", "Count": 110}]},
     {"@type": "ElectionResults.CandidateSelection", "@id": "s2", "CandidateIds": ["bob"],
      "VoteCounts": [{"@type": "ElectionResults.VoteCounts", "GpUnitId": "w1", "Type": "total", "Count": 90},
                     {"@type": "ElectionResults.VoteCounts", "GpUnitId": "w2", "Type": "total", "Count": 0, "IsSuppressedForPrivacy": true}]},
     {"@type": "ElectionResults.CandidateSelection", "@id": "s3", "IsWriteIn": true,
      "VoteCounts": [{"@type": "ElectionResults.VoteCounts", "GpUnitId": "dev", "Type": "write-in", "Count": 2.5}]}]},
   {"@type": "ElectionResults.PartyContest", "@id": "list", "Name": "List", "ElectionDistrictId": "all",
    "ContestSelection": [{"@type": "ElectionResults.PartySelection", "@id": "ps", "PartyIds": ["red", "both"],
      "VoteCounts": [{"@type": "ElectionResults.VoteCounts", "GpUnitId": "all", "Type": "total", "Count": 12},
                     {"@type": "ElectionResults.VoteCounts", "GpUnitId": "all", "Type": "seats", "Count": 1}]}]},
   {"@type": "ElectionResults.BallotMeasureContest", "@id": "q", "Name": "Question", "ElectionDistrictId": "all",
    "ContestSelection": [{"@type": "ElectionResults.BallotMeasureSelection", "@id": "yes",
      "Selection": {"@type": "ElectionResults.InternationalizedText", "Text": [{"@type": "ElectionResults.LanguageString", "Content": "Yes", "Language": "en"}]}}]}]}]}
JSON

cat > "$out/precincts.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<ElectionReport xmlns="http://itl.nist.gov/ns/voting/1500-100/v2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Election>
    <Candidate ObjectId="ann"><BallotName><Text Language="es">Ana</Text><Text Language="en">Ann &amp; Co</Text></BallotName><PartyId>red</PartyId><PostElectionStatus>winner</PostElectionStatus></Candidate>
    <Contest xsi:type="CandidateContest" ObjectId="mayor">
      <ContestSelection xsi:type="CandidateSelection" ObjectId="s1">
        <VoteCounts><GpUnitId>p1</GpUnitId><Round>1</Round><Type>total</Type><Count>10</Count></VoteCounts>
        <VoteCounts><GpUnitId>p2</GpUnitId><Round>1</Round><Type>total</Type><Count>5.25</Count></VoteCounts>
        <VoteCounts><GpUnitId>p1</GpUnitId><Round>2</Round><Type>total</Type><Count>12</Count></VoteCounts>
        <CandidateIds>ann</CandidateIds>
      </ContestSelection>
      <ContestSelection xsi:type="CandidateSelection" ObjectId="s2">
        <VoteCounts><GpUnitId>p1</GpUnitId><Round>1</Round><Type>total</Type><Count>3</Count></VoteCounts>
        <IsWriteIn>true</IsWriteIn>
      </ContestSelection>
      <ElectionDistrictId>all</ElectionDistrictId>
      <Name>Mayor</Name>
      <VoteVariation>rcv</VoteVariation>
      <VotesAllowed>1</VotesAllowed>
    </Contest>
    <ElectionScopeId>all</ElectionScopeId>
    <Name><Text Language="en">Seed</Text></Name>
    <StartDate>2024-11-05</StartDate>
    <EndDate>2024-11-05</EndDate>
    <Type>special</Type>
  </Election>
  <Format>precinct-level</Format>
  <GeneratedDate>2024-11-06T09:00:00Z</GeneratedDate>
  <GpUnit xsi:type="ReportingUnit" ObjectId="all"><ComposingGpUnitIds>p1 p2</ComposingGpUnitIds><Name><Text Language="en">Town</Text></Name><Type>city</Type></GpUnit>
  <GpUnit xsi:type="ReportingUnit" ObjectId="p1"><Type>precinct</Type></GpUnit>
  <GpUnit xsi:type="ReportingUnit" ObjectId="p2"><Type>precinct</Type></GpUnit>
  <Issuer>Seed County</Issuer>
  <IssuerAbbreviation>SC</IssuerAbbreviation>
  <Party ObjectId="red"><Name><Text Language="en">Red</Text></Name></Party>
  <SequenceStart>1</SequenceStart>
  <SequenceEnd>1</SequenceEnd>
  <Status>unofficial-complete</Status>
  <VendorApplicationId>seed</VendorApplicationId>
</ElectionReport>
XML
ls -l "$out"

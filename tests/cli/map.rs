//! `hustings map`: every seat of a HexJSON map coloured as the results, the legend counting
//! each class, the contests not placed listed, and bad maps and flags refused in one line.

use std::collections::BTreeMap;

use crate::support::cli::{hustings, stdout};
use crate::support::data::{candidates_import, dataset, ge2019, history_import};

/// The two-letter marks of the map's hexagons (text without colour), counted. Hexagons of one
/// row stand on cells of one parity, so a row read from its first hexagon is marks and gaps
/// two cells each.
fn marks(text: &str) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    // The map runs from the third line to the legend (a row of the map may be empty).
    let body = text
        .lines()
        .skip(2)
        .take_while(|line| !line.contains(" · "));
    for line in body {
        let chars: Vec<char> = line.trim_start().chars().collect();
        for pair in chars.chunks(2) {
            let mark: String = pair.iter().collect();
            if !mark.trim().is_empty() {
                *counts.entry(mark).or_insert(0) += 1;
            }
        }
    }
    counts
}

#[test]
fn ge2019_places_all_650_seats_coloured_as_the_results() {
    let ge = ge2019();
    let text = stdout(&["map", "--data", ge.to_str().unwrap()]);
    assert!(
        text.starts_with("Map uk-2010 · winner · placed 650 of 650 contests\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "Co Con 365 · La Lab 202 · SN SNP 48 · LD Liberal Democrats 11 · DU DUP 8 · \
             SF Sinn Féin 7 · PC Plaid Cymru 4 · SD SDLP 2 · AP APNI 1 · Gr Grn 1 · Sp Spk 1\n"
        ),
        "{text}"
    );
    let counted = marks(&text);
    let expected = [
        ("Co", 365),
        ("La", 202),
        ("SN", 48),
        ("LD", 11),
        ("DU", 8),
        ("SF", 7),
        ("PC", 4),
        ("SD", 2),
        ("AP", 1),
        ("Gr", 1),
        ("Sp", 1),
    ];
    let expected: BTreeMap<String, usize> =
        expected.iter().map(|&(m, n)| (m.to_string(), n)).collect();
    assert_eq!(counted, expected);
    assert!(!text.contains("not placed"), "{text}");
}

#[test]
fn the_shipped_selections_place_the_seats_they_name_and_list_the_rest() {
    let text = stdout(&["map"]);
    assert!(text.contains("placed 16 of 17 contests"), "{text}");
    assert!(
        text.contains("not placed (1): Labour leadership election 2020\n"),
        "{text}"
    );
    // Seats of the map with no contest are hollow, and counted (Stockport has two contests).
    assert!(text.contains("() no contest 635\n"), "{text}");
}

#[test]
fn bad_maps_and_colourings_are_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.hexjson");
    std::fs::write(&bad, r#"{"layout":"odd-r","hexes":{"A":{"q":"x","r":0}}}"#).unwrap();
    hustings(&["map", "--map", bad.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(format!(
            "error: {}: hexes.A.q: missing, or not a whole number\n",
            bad.display()
        ));
    hustings(&["map", "--colour", "rainbow"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "give winner, result, margin, turnout, share:PARTY or change:PARTY",
        ));
    hustings(&["map", "--map", "atlantis"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("uk-2010, uk-2024, us-states"));
    // The explorer's --map too, before it opens.
    hustings(&["--map", "atlantis"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("uk-2010, uk-2024, us-states"));
}

/// Each seat's hexagon in an SVG: its id, fill and `<title>` tooltip, read by an XML parser
/// (which fails on anything that is not well-formed XML).
fn svg_seats(svg: &str) -> BTreeMap<String, (String, String)> {
    use quick_xml::Reader;
    use quick_xml::events::Event;
    let mut reader = Reader::from_str(svg);
    let mut seats = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    let mut in_title = false;
    let mut title = String::new();
    loop {
        match reader.read_event().expect("the SVG is well-formed XML") {
            Event::Start(e) if e.name().as_ref() == b"polygon" => {
                let attr = |key: &[u8]| {
                    let a = e.try_get_attribute(key).unwrap().expect("attribute");
                    String::from_utf8(a.value.to_vec()).unwrap()
                };
                current = Some((attr(b"data-id"), attr(b"fill")));
            }
            Event::Start(e) if e.name().as_ref() == b"title" => {
                in_title = true;
                title.clear();
            }
            Event::Text(t) if in_title => title.push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) if in_title => {
                title.push_str(&format!("&{};", r.decode().unwrap()));
            }
            Event::End(e) if e.name().as_ref() == b"title" => in_title = false,
            Event::End(e) if e.name().as_ref() == b"polygon" => {
                let (id, fill) = current.take().expect("a polygon was open");
                seats.insert(id, (fill, title.clone()));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    seats
}

#[test]
fn the_svg_is_xml_with_a_coloured_hexagon_and_a_tooltip_per_seat() {
    let ge = ge2019();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ge2019.svg");
    let args = [
        "map",
        "--data",
        ge.to_str().unwrap(),
        "--format",
        "svg",
        "-o",
        out.to_str().unwrap(),
    ];
    hustings(&args)
        .assert()
        .success()
        .stdout("")
        .stderr(predicates::str::contains("wrote "));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{svg}"
    );
    let seats = svg_seats(&svg);
    assert_eq!(seats.len(), 650);
    // Stockport (E14000969): Labour's red, and who won by how much in its tooltip.
    let (fill, title) = &seats["E14000969"];
    assert_eq!(fill, "#e4003b");
    assert!(
        title.starts_with("Stockport: Navendu Mishra (Labour) "),
        "{title}"
    );
    assert!(title.contains("margin "), "{title}");
    // The title and the legend with its counts, parties named in full.
    assert!(svg.contains("UK general election, 12 Dec 2019"), "{svg}");
    assert!(svg.contains(">Conservative (Con)</text>"));
    assert!(svg.contains(">365</text>"));
    // Not overwritten without --force.
    hustings(&args)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("already exists; pass --force"));
}

#[test]
fn the_1997_to_2019_history_shows_each_election_by_date_filter() {
    let history = history_import();
    let map = |years: &[&str]| {
        let mut args = vec!["map", "--data", history.to_str().unwrap()];
        args.extend_from_slice(years);
        stdout(&args)
    };
    // Every election of a seat on one hexagon: the latest is shown (GE2019).
    let all = map(&[]);
    assert!(
        all.contains("\nCo Con 365 · La Lab 202 · SN SNP 48 · LD Liberal Democrats 11 ·"),
        "{all}"
    );
    let ge2017 = map(&["--since", "2017", "--until", "2017"]);
    assert!(ge2017.contains("placed 650 of 650 contests"), "{ge2017}");
    assert!(
        ge2017.contains("\nCo Con 317 · La Lab 262 · SN SNP 35 · LD Liberal Democrats 12 · DU DUP 10 · SF Sinn Féin 7 ·"),
        "{ge2017}"
    );
    // 1997's seats had other boundaries: those the 2010 map names are placed by name, the
    // rest listed as not placed, none dropped silently.
    let ge1997 = map(&["--since", "1997", "--until", "1997"]);
    assert!(ge1997.contains("placed 526 of 659 contests"), "{ge1997}");
    assert!(
        ge1997.contains("\nnot placed (133): Aberdeen Central, 1997 general election; "),
        "{ge1997}"
    );
    assert!(ge1997.contains("; and 113 more\n"), "{ge1997}");
}

#[test]
fn the_swingometer_on_ge2019_agrees_with_the_sum_done_by_hand() {
    let ge = ge2019();
    let data = ge.to_str().unwrap();
    // A swing of no points changes nothing, and says it is a projection all the same.
    let zero = stdout(&["stats", "--data", data, "--swing", "Con:Lab:0"]);
    assert!(
        zero.starts_with("PROJECTION, not a result — uniform swing of 0.0 points from Con to Lab: 0 seats change hands\n"),
        "{zero}"
    );
    assert!(
        zero.contains("\nCon      365        365      +0\n"),
        "{zero}"
    );
    assert!(
        zero.contains("\nLab      202        202      +0\n"),
        "{zero}"
    );

    // By hand: the Conservative seat with the smallest majority, and the swing that would
    // have given it to Labour (half the gap between their shares, Labour second there).
    let ge2019 = dataset(&ge);
    let closest = ge2019
        .contests
        .iter()
        .filter(|c| {
            c.candidates
                .iter()
                .any(|k| k.elected && k.party.as_deref() == Some("Conservative"))
        })
        .min_by_key(|c| c.majority.unwrap())
        .unwrap();
    assert_eq!(closest.constituency.as_deref(), Some("Bury North"));
    assert_eq!(closest.majority, Some(105));
    let votes = |party: &str| {
        closest
            .candidates
            .iter()
            .find(|k| k.party.as_deref() == Some(party))
            .and_then(|k| k.votes)
            .unwrap() as f64
    };
    let valid: f64 = closest
        .candidates
        .iter()
        .filter_map(|k| k.votes)
        .sum::<u64>() as f64;
    let needed = (votes("Conservative") - votes("Labour")) * 100.0 / valid / 2.0;
    assert!((needed - 0.11).abs() < 0.01, "{needed}");

    // The projection agrees: a hair less keeps Bury North blue, a hair more turns it red.
    let id = closest.constituency_id.clone().unwrap();
    for (points, fill, projected) in [
        (needed - 0.005, "#0087dc", "projected Con"),
        (needed + 0.005, "#e4003b", "projected Lab"),
    ] {
        let swing = format!("Con:Lab:{points}");
        let svg = stdout(&["map", "--data", data, "--swing", &swing, "--format", "svg"]);
        let (got, title) = &svg_seats(&svg)[id.as_str()];
        assert_eq!(got, fill, "{swing}");
        assert!(title.ends_with(projected), "{title}");
        assert!(svg.contains("PROJECTION, not a result"), "{swing}");
    }
    let just_over = stdout(&[
        "stats",
        "--data",
        data,
        "--swing",
        &format!("Con:Lab:{}", needed + 0.005),
    ]);
    assert!(just_over.contains(": 1 seat changes hands"), "{just_over}");
    assert!(
        just_over.contains("\nLab      202        203      +1\n"),
        "{just_over}"
    );
}

/// The projection under a map counts the seats the map shows, one a hexagon, as its legend
/// does: with GE2017 and GE2019 listed, GE2019's 650 (the latest of each seat), not 1,300.
/// `stats --swing`, which draws no map, counts every listed seat.
#[test]
fn a_maps_projection_counts_the_seats_it_shows() {
    let (ge2017, ge2019) = (candidates_import(2017), ge2019());
    let both = [
        "--data",
        ge2017.to_str().unwrap(),
        "--data",
        ge2019.to_str().unwrap(),
    ];
    let projection = |args: &[&str]| {
        let text = stdout(args);
        let at = text.find("PROJECTION").unwrap_or_else(|| panic!("{text}"));
        text[at..].to_string()
    };
    let swing = ["--swing", "Con:Lab:2"];
    let on_both = projection(&[&["map"][..], &both, &swing].concat());
    let on_2019 = projection(&[&["map", "--data", ge2019.to_str().unwrap()][..], &swing].concat());
    assert_eq!(on_both, on_2019);
    // Worked out apart from hustings, from the Library's GE2019 file (each share from the
    // votes, Con's less 2 points and Lab's plus 2): 25 seats change hands; Con 365 → 340,
    // Lab 202 → 221.
    assert!(
        on_both.starts_with(
            "PROJECTION, not a result — uniform swing of 2.0 points from Con to Lab: \
             25 seats change hands\nCon 340 (-25) · Lab 221 (+19) · "
        ),
        "{on_both}"
    );
    let stats = stdout(&[&["stats"][..], &both, &["--swing", "Con:Lab:0"]].concat());
    // Con won 317 seats in 2017 and 365 in 2019.
    assert!(
        stats.contains("\nCon      682        682      +0\n"),
        "{stats}"
    );
}

#[test]
fn each_colouring_has_its_scale_and_counts_over_ge2017_and_ge2019() {
    // GE2019 with its constituency file, for the electorate (turnout).
    let (ge2017, ge2019) = (candidates_import(2017), ge2019());
    let legend = |colour: &str| {
        let text = stdout(&[
            "map",
            "--data",
            ge2017.to_str().unwrap(),
            "--data",
            ge2019.to_str().unwrap(),
            "--since",
            "2019",
            "--colour",
            colour,
        ]);
        // The legend: the first line after the heading with a separator.
        let line = text
            .lines()
            .skip(1)
            .find(|l| l.contains(" · "))
            .unwrap()
            .to_string();
        (text, line)
    };
    // Result: gains in capitals (the gainer's colour), holds in lower case (dimmed).
    let (text, result) = legend("result");
    assert!(text.starts_with(
        "Map uk-2010 · result against the previous contest · placed 650 of 650 contests\n"
    ));
    assert!(
        result.starts_with("co Con hold 307 · la Lab hold 201 · CO Con gain 58 · "),
        "{result}"
    );
    // Turnout: bins in the scale's order; every seat in one.
    let (_, turnout) = legend("turnout");
    assert_eq!(
        turnout,
        "T1 under 55% 14 · T2 55–60% 66 · T3 60–65% 130 · T4 65–70% 207 · T5 70–75% 174 · T6 75% or more 59"
    );
    // One party's share, and its change (a diverging scale), with the seats it did not fight.
    let (_, share) = legend("share:Lab");
    assert!(share.starts_with("S1 under 10% 51 · "), "{share}");
    assert!(share.ends_with(" · ·· no Lab candidate 19"), "{share}");
    let (_, change) = legend("change:labour");
    assert!(
        change.starts_with("C1 fell 10 pts or more 155 · C2 fell 5–10 pts 354 · "),
        "{change}"
    );
    // A party no one stood for is a mistake, said in one line.
    hustings(&[
        "map",
        "--data",
        ge2019.to_str().unwrap(),
        "--colour",
        "share:Whig",
    ])
    .assert()
    .code(2)
    .stderr(predicates::str::contains(
        "no candidate of the party \"Whig\"",
    ));
}

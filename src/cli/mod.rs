//! One file per subcommand; each writes to a `Write` so tests can capture its output.

pub mod args;
mod compare;
mod completions;
mod history;
mod import;
mod list;
mod map;
pub mod schema;
mod show;
mod stats;
mod validate;

use std::io::{self, IsTerminal, Write};

use anyhow::Result;

use crate::cli::args::{Cli, ColorChoice, Command, CsvArgs, ImportFormat, TextArgs};
use crate::explorer::{self, ExplorerOptions};
use crate::load::{self, DataSource, Loaded};
use crate::query::from_input::QuerySpec;
use crate::query::{Index, Query, find_contest};
use crate::report::csv::TextCells;
use crate::report::safe;
use crate::report::style::TextStyle;
use crate::report::terminal::{Out, Printed};

/// Loaded data, the query resolved against it, and the contests it selects.
pub struct Selection {
    pub loaded: Loaded,
    pub query: Query,
    /// The query index of `loaded.dataset` (what aggregates count).
    pub index: Index,
    /// Indices into `loaded.dataset.contests`, in the query's order.
    pub rows: Vec<usize>,
}

impl Selection {
    /// Orders the rows by the change since each seat's previous contest (`--sort change`).
    pub fn sort_by_change(&mut self, reverse: bool) {
        let ds = &self.loaded.dataset;
        let keys = crate::stats::change::change_keys(ds, self.loaded.changes());
        crate::stats::change::sort_by_change(&mut self.rows, &keys, reverse);
    }

    /// Loads `sources` and runs `spec` through the shared query engine; `for_people` shows
    /// the data cleaned (see `report::safe`); `counts` makes the index ready for aggregates.
    pub fn new(
        sources: &[DataSource],
        spec: &QuerySpec,
        for_people: bool,
        counts: bool,
    ) -> Result<Selection> {
        let loaded = load_for(sources, for_people)?;
        let query = spec.resolve(&loaded.dataset)?;
        // A contest several sources give is one row (its most complete version).
        let index = Index::for_one(&loaded, &query, counts);
        let rows = index.run(&query);
        Ok(Selection {
            loaded,
            query,
            index,
            rows,
        })
    }
}

/// `data`, never freed: a command runs once and the process ends after it, and freeing a large
/// dataset piece by piece takes a tenth of the time loading it did, for nothing.
pub(crate) fn keep_until_exit<T>(data: T) -> std::mem::ManuallyDrop<T> {
    std::mem::ManuallyDrop::new(data)
}

/// The data, cleaned for display when people will read the output.
fn load_for(sources: &[DataSource], for_people: bool) -> Result<Loaded> {
    let loaded = load::load(sources)?;
    Ok(if for_people {
        safe::for_display(loaded)
    } else {
        loaded
    })
}

/// The contest `given` names in `loaded`. Not there, the error says where it looked and how to
/// look in another file (`usage` is the command line to suggest, with `--data FILE` added).
fn find_contest(loaded: &Loaded, given: &str, usage: &str) -> Result<usize> {
    find_contest::contest(&loaded.dataset, given).map_err(|e| {
        let path = std::path::Path::new(given.trim());
        let json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if json || path.is_file() {
            // A file given where the id goes (`hustings show ge2019.json`).
            return anyhow::anyhow!(
                "\"{given}\" is a file, not a contest id: load it with --data {given} and give \
                 the id (`hustings list --data {given}` shows them)"
            );
        }
        anyhow::anyhow!(
            "{e}; looked in {}; a contest in another file needs --data FILE: hustings {usage} --data FILE",
            loaded.sources.join(", ")
        )
    })
}

/// How a printing subcommand writes: in which format, text drawn how (colour, width), and
/// CSV text cells written how (formats without CSV leave that alone).
pub struct Output<F> {
    pub format: F,
    pub style: TextStyle,
    pub csv: TextCells,
}

impl<F> Output<F> {
    /// The options the output flags ask for; colour and width are settled against the
    /// terminal here, once.
    fn new(format: F, text: TextArgs, csv: CsvArgs) -> Output<F> {
        let (style, note) = TextStyle::detect(match text.color {
            ColorChoice::Auto => None,
            ColorChoice::Always => Some(true),
            ColorChoice::Never => Some(false),
        });
        if let Some(note) = note {
            eprintln!("warning: {}", safe::message(&note));
        }
        Output {
            format,
            style,
            csv: if csv.csv_raw {
                TextCells::Raw
            } else {
                TextCells::FormulaSafe
            },
        }
    }
}

/// What `command` prints on stdout: JSON and CSV keep the data's exact strings, so on a
/// terminal they are made harmless on the way out (`report::terminal`).
fn printed(command: Option<&Command>) -> Printed {
    use args::{CompareFormat, Format, ShowFormat};
    let of = |format: Format| match format {
        Format::Json => Printed::Json,
        Format::Csv => Printed::Csv,
        Format::Text | Format::Markdown => Printed::Shown,
    };
    match command {
        Some(Command::List(args)) => of(args.format),
        Some(Command::Stats(args)) => of(args.format),
        Some(Command::History(args)) => of(args.format),
        Some(Command::Show(args)) => match args.format {
            ShowFormat::Json => Printed::Json,
            ShowFormat::Csv => Printed::Csv,
            ShowFormat::Text | ShowFormat::Markdown => Printed::Shown,
        },
        Some(Command::Compare(args)) if args.format == CompareFormat::Json => Printed::Json,
        // The dataset an import writes to stdout when not given -o.
        Some(Command::Import(_) | Command::Schema) => Printed::Json,
        _ => Printed::Shown,
    }
}

/// Runs what the command line asks for; returns the process exit status.
pub fn run(cli: Cli) -> Result<u8> {
    let stdout = io::stdout();
    if let Some(bytes) = cli.data.max_size {
        crate::input::set_max_size(bytes);
    }
    let terminal = stdout.is_terminal();
    // Buffered by the block, not the line: a million-line listing is not a million writes.
    let buffered = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut out = Out::new(buffered, printed(cli.command.as_ref()), terminal);
    let sources = cli.data.sources(&[]);
    let code = match cli.command {
        Some(Command::List(args)) => {
            let mut selection = keep_until_exit(Selection::new(
                &sources,
                &args.query.spec(),
                args.format.for_people(),
                false,
            )?);
            if args.query.sort == args::SortArg::Change {
                selection.sort_by_change(args.query.reverse);
            }
            let output = Output::new(args.format, args.text, args.csv);
            list::run(&selection, &output, &mut out)?
        }
        Some(Command::Show(args)) => {
            let loaded = keep_until_exit(load_for(&sources, args.format.for_people())?);
            let output = Output::new(args.format, args.text, args.csv);
            show::run(&loaded, &args.id, &output, &mut out)?
        }
        Some(Command::Stats(args)) => {
            let selection = keep_until_exit(Selection::new(
                &sources,
                &args.query.spec(),
                args.format.for_people(),
                true,
            )?);
            let output = Output::new(args.format, args.text, args.csv);
            match &args.swing {
                Some(swing) => map::projection(&selection, swing, &output, &mut out)?,
                None => stats::run(&selection, args.by, &output, &mut out)?,
            }
        }
        Some(Command::Compare(args)) => {
            let loaded = keep_until_exit(load_for(&sources, args.format.for_people())?);
            let output = Output::new(args.format, args.text, CsvArgs::default());
            compare::run(&loaded, [&args.a, &args.b], &output, &mut out)?
        }
        Some(Command::History(args)) => {
            let spec = args.filters.spec(crate::query::Sort::default());
            let selection = keep_until_exit(Selection::new(
                &sources,
                &spec,
                args.format.for_people(),
                false,
            )?);
            let output = Output::new(args.format, args.text, args.csv);
            history::run(&selection, &args.id, &output, &mut out)?
        }
        Some(Command::Map(args)) => {
            let spec = args.filters.spec(crate::query::Sort::default());
            let selection = Selection::new(&sources, &spec, true, false)?;
            let output = Output::new(args.format, args.text, CsvArgs::default());
            map::run(&selection, &args, &output, &mut out)?
        }
        Some(Command::Completions(args)) => completions::run(args.shell, &mut out)?,
        Some(Command::Validate(args)) => {
            validate::run(&cli.data.sources(&args.paths), args.strict, &mut out)?
        }
        Some(Command::Schema) => schema::run(&mut out)?,
        // The summary quotes file names and the data: every line of it is shown by the one rule.
        Some(Command::Import(args)) => match args.format {
            Some(ImportFormat::HocCandidates(args)) => {
                import::hoc_candidates(&args, &mut out, &mut safe::Lines::new(io::stderr().lock()))?
            }
            Some(ImportFormat::Csv(args)) => {
                import::csv(&args, &mut out, &mut safe::Lines::new(io::stderr().lock()))?
            }
            Some(ImportFormat::HocHistory(args)) => {
                import::hoc_history(&args, &mut out, &mut safe::Lines::new(io::stderr().lock()))?
            }
            None => import::any(&args, &mut out, &mut safe::Lines::new(io::stderr().lock()))?,
        },
        None => {
            drop(out);
            return explorer::run(ExplorerOptions {
                sources: cli.data.sources(&cli.paths),
                spec: cli.query.spec(),
                mouse: !cli.no_mouse,
                watch: !cli.no_watch,
                sort_by_change: cli.query.sort == args::SortArg::Change,
                map: cli
                    .map
                    .as_deref()
                    .map(crate::map::builtin::named)
                    .transpose()?,
            });
        }
    };
    out.flush()?;
    Ok(code)
}

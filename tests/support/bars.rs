//! Reading bars back off the screen or the text output, to check they are drawn to scale.

/// Eighths of a cell a block character stands for (`█` 8 … `▏` 1; anything else 0).
pub fn eighths_of(c: char) -> usize {
    match c {
        '█' => 8,
        '▉' => 7,
        '▊' => 6,
        '▋' => 5,
        '▌' => 4,
        '▍' => 3,
        '▎' => 2,
        '▏' => 1,
        _ => 0,
    }
}

/// The bar at the end of `line` (the last run of block characters, a bound mark after it
/// skipped), in eighths of a cell.
pub fn last_bar(line: &str) -> usize {
    line.chars()
        .rev()
        .skip_while(|&c| matches!(c, '▸' | '~'))
        .take_while(|&c| eighths_of(c) > 0)
        .map(eighths_of)
        .sum()
}

/// The first bar in `line` (its first run of block characters), in eighths of a cell.
pub fn first_bar(line: &str) -> usize {
    line.chars()
        .skip_while(|&c| eighths_of(c) == 0)
        .take_while(|&c| eighths_of(c) > 0)
        .map(eighths_of)
        .sum()
}

//! A number with a fixed number of decimal places, written exactly as `format!("{:.2}", v)`
//! writes it, without the cost: the standard library's exact formatting works digit by digit
//! on the float's binary value (tens of nanoseconds a number), and a list writes a few million
//! shares and margins. Here the value is scaled and rounded in floating point, which is exact
//! unless the scaled value lies within its own rounding error of a half; those few, and
//! anything not finite or too large, are left to the standard library.

use std::fmt;

/// `value` written with `places` decimals (at most [`Fixed::MAX_PLACES`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fixed {
    value: f64,
    places: usize,
}

impl Fixed {
    /// The most places written by the fast path.
    pub const MAX_PLACES: usize = 4;
    /// Scaled values from here up are left to the standard library (well under 2^53, where
    /// every integer is exact).
    const LARGEST: f64 = 1e15;

    pub fn new(value: f64, places: usize) -> Fixed {
        Fixed { value, places }
    }

    /// The value's magnitude, scaled by 10^places and rounded, when that is surely the
    /// rounding of the exact binary value.
    fn scaled(self) -> Option<u64> {
        if self.places > Self::MAX_PLACES {
            return None;
        }
        let scaled = self.value.abs() * 10f64.powi(self.places as i32);
        // Also NaN, which is not below anything.
        if scaled.partial_cmp(&Self::LARGEST) != Some(std::cmp::Ordering::Less) {
            return None;
        }
        // One multiplication by an exact power of ten: the product is within half a unit in
        // the last place of the exact one, far less than this margin.
        let margin = scaled * f64::EPSILON * 4.0 + f64::MIN_POSITIVE;
        let fraction = scaled - scaled.floor();
        if (fraction - 0.5).abs() <= margin {
            return None;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(scaled.round() as u64)
    }
}

impl Fixed {
    /// The digits of the value's magnitude into `buf`, when the fast path can write them.
    fn digits(self, buf: &mut [u8; 24]) -> Option<&str> {
        let scaled = self.scaled()?;
        let unit = 10u64.pow(self.places as u32);
        let mut whole = itoa::Buffer::new();
        let whole = whole.format(scaled / unit).as_bytes();
        buf[..whole.len()].copy_from_slice(whole);
        let mut end = whole.len();
        if self.places > 0 {
            buf[end] = b'.';
            let mut fraction = scaled % unit;
            for i in (0..self.places).rev() {
                buf[end + 1 + i] = b'0' + (fraction % 10) as u8;
                fraction /= 10;
            }
            end += 1 + self.places;
        }
        std::str::from_utf8(&buf[..end]).ok()
    }

    /// Writes the value as `Display` does with no width or flags, without the formatting
    /// machinery (a CSV list writes millions).
    pub fn write_to(self, out: &mut impl fmt::Write) -> fmt::Result {
        let mut buf = [b'0'; 24];
        match self.digits(&mut buf) {
            Some(digits) => {
                if self.value.is_sign_negative() {
                    out.write_char('-')?;
                }
                out.write_str(digits)
            }
            None => write!(out, "{:.*}", self.places, self.value),
        }
    }
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.value.is_nan() {
            return f.pad_integral(true, "", "NaN");
        }
        let mut buf = [b'0'; 24];
        let fallback;
        let digits = if let Some(digits) = self.digits(&mut buf) {
            digits
        } else {
            fallback = format!("{:.*}", self.places, self.value.abs());
            &fallback
        };
        // As a float is written: a minus for any negative value, -0.0 included, and the
        // width, fill and `+` of the format.
        f.pad_integral(!self.value.is_sign_negative(), "", digits)
    }
}

#[cfg(test)]
mod tests {
    use super::Fixed;
    use rand::{Rng, SeedableRng};

    fn agrees(value: f64, places: usize) {
        let fixed = Fixed::new(value, places);
        let standard = format!("{value:.places$}");
        assert_eq!(
            fixed.to_string(),
            standard,
            "{value:e} with {places} places"
        );
        let mut written = String::new();
        fixed.write_to(&mut written).unwrap();
        assert_eq!(written, standard, "{value:e} with {places} places, written");
    }

    #[test]
    fn every_share_of_small_counts_is_written_as_the_standard_library_writes_it() {
        for total in 1..=600u32 {
            for votes in 0..=total {
                let share = f64::from(votes) * 100.0 / f64::from(total);
                for places in 0..=Fixed::MAX_PLACES {
                    agrees(share, places);
                    agrees(-share, places);
                }
            }
        }
    }

    #[test]
    fn halves_and_their_neighbours_are_written_as_the_standard_library_writes_them() {
        for hundredths in 0..20_000u32 {
            let half = (f64::from(hundredths) + 0.5) / 100.0;
            for value in [half, half.next_up(), half.next_down()] {
                for places in 0..=3 {
                    agrees(value, places);
                }
            }
        }
    }

    #[test]
    fn random_values_of_every_size_are_written_as_the_standard_library_writes_them() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(26);
        for _ in 0..200_000 {
            let value = f64::from_bits(rng.random());
            let places = rng.random_range(0..=Fixed::MAX_PLACES + 1);
            agrees(value, places);
            let moderate = rng.random_range(-1e7..1e7);
            agrees(moderate, places);
        }
        for special in [
            0.0,
            -0.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e15,
            9.99e14,
        ] {
            for places in 0..=3 {
                agrees(special, places);
            }
        }
    }

    #[test]
    fn width_fill_and_sign_are_those_of_a_float() {
        for value in [57.144, -3.0, -0.001, 0.0] {
            let fixed = Fixed::new(value, 2);
            assert_eq!(format!("{fixed:>9}"), format!("{value:>9.2}"));
            assert_eq!(format!("{fixed:<9}"), format!("{value:<9.2}"));
            assert_eq!(format!("{fixed:9}"), format!("{value:9.2}"));
            assert_eq!(format!("{fixed:+}"), format!("{value:+.2}"));
            assert_eq!(format!("{fixed:08}"), format!("{value:08.2}"));
        }
    }
}

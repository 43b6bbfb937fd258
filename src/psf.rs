//! Console fonts in the PC Screen Font format (PSF 1 and 2, gzipped or not: Debian's
//! console-setup fonts), and the same font twice as tall and twice as wide, as `setfont -d`
//! makes it. The Linux console's large text loads one of these (`shell/font/console.rs`).
use std::io::Read;

/// A console font: `count` glyphs of `height` rows, each row `pitch()` bytes, left pixel in
/// the high bit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Font {
    pub width: u32,
    pub height: u32,
    pub count: u32,
    /// The glyphs one after the other, `height * pitch()` bytes each.
    pub glyphs: Vec<u8>,
    /// Which characters each glyph draws, when the file says (its Unicode table); one
    /// character each, the sequences left out as the kernel's map has no room for them.
    pub unicode: Option<Vec<Vec<char>>>,
}

/// The largest font file read (the largest console-setup font is about 80 KiB unpacked): a
/// broken or hostile file never fills the memory.
const MAX_BYTES: u64 = 4 << 20;
/// The largest glyph the console takes, and the most glyphs.
pub(crate) const MAX_WIDTH: u32 = 64;
pub(crate) const MAX_HEIGHT: u32 = 128;
const MAX_COUNT: u32 = 512;

const PSF1_MAGIC: [u8; 2] = [0x36, 0x04];
const PSF2_MAGIC: [u8; 4] = [0x72, 0xb5, 0x4a, 0x86];
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

impl Font {
    /// Bytes of one row of a glyph.
    pub(crate) fn pitch(&self) -> usize {
        self.width.div_ceil(8) as usize
    }

    /// Bytes of one glyph.
    pub(crate) fn glyph_size(&self) -> usize {
        self.pitch() * self.height as usize
    }

    /// Reads a font file; says what is wrong with one that is not a PSF font.
    pub(crate) fn read(path: &std::path::Path) -> Result<Font, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Font::parse(&bytes).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// A PSF 1 or 2 font, gzipped or not.
    pub(crate) fn parse(bytes: &[u8]) -> Result<Font, String> {
        if bytes.starts_with(&GZIP_MAGIC) {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(bytes)
                .take(MAX_BYTES + 1)
                .read_to_end(&mut out)
                .map_err(|e| format!("not a gzip file: {e}"))?;
            if out.len() as u64 > MAX_BYTES {
                return Err("too large for a console font".into());
            }
            return Font::parse_plain(&out);
        }
        Font::parse_plain(bytes)
    }

    fn parse_plain(bytes: &[u8]) -> Result<Font, String> {
        if bytes.starts_with(&PSF2_MAGIC) {
            psf2(bytes)
        } else if bytes.starts_with(&PSF1_MAGIC) {
            psf1(bytes)
        } else {
            Err("not a PSF console font (PSF 1 or 2, gzipped or not)".into())
        }
    }

    /// Twice as wide and twice as tall, each pixel made four (`setfont -d`); refused beyond
    /// what the console can show (32 columns by 64 rows before doubling).
    pub(crate) fn doubled(&self) -> Result<Font, String> {
        if self.width * 2 > MAX_WIDTH || self.height * 2 > MAX_HEIGHT {
            return Err(format!(
                "a {}×{} font cannot be doubled (the console takes at most {MAX_WIDTH}×{MAX_HEIGHT})",
                self.width, self.height
            ));
        }
        let width = self.width * 2;
        let pitch = width.div_ceil(8) as usize;
        let mut glyphs = Vec::with_capacity(self.count as usize * pitch * self.height as usize * 2);
        for glyph in self.glyphs.chunks(self.glyph_size()) {
            for row in glyph.chunks(self.pitch()) {
                let mut wide = vec![0u8; pitch];
                for x in 0..self.width as usize {
                    if row[x / 8] & (0x80 >> (x % 8)) != 0 {
                        for x in [2 * x, 2 * x + 1] {
                            wide[x / 8] |= 0x80 >> (x % 8);
                        }
                    }
                }
                glyphs.extend_from_slice(&wide);
                glyphs.extend_from_slice(&wide);
            }
        }
        Ok(Font {
            width,
            height: self.height * 2,
            count: self.count,
            glyphs,
            unicode: self.unicode.clone(),
        })
    }

    /// The glyphs as the console's font operation carries them: each glyph on `vpitch` rows
    /// (32 for `KD_FONT_OP_SET`, the height for `KD_FONT_OP_SET_TALL`), padded with blank
    /// rows.
    pub(crate) fn to_console(&self, vpitch: u32) -> Vec<u8> {
        let size = self.glyph_size();
        let slot = self.pitch() * vpitch as usize;
        let mut out = vec![0u8; slot * self.count as usize];
        for (i, glyph) in self.glyphs.chunks(size).enumerate() {
            out[i * slot..i * slot + size].copy_from_slice(glyph);
        }
        out
    }

    /// A font as the console gave it (`KD_FONT_OP_GET`): each glyph on `vpitch` rows.
    pub(crate) fn from_console(
        data: &[u8],
        width: u32,
        height: u32,
        count: u32,
        vpitch: u32,
    ) -> Result<Font, String> {
        if width == 0 || height == 0 || height > vpitch || count == 0 {
            return Err(format!(
                "the console gave a {width}×{height} font of {count} glyphs"
            ));
        }
        let pitch = width.div_ceil(8) as usize;
        let slot = pitch * vpitch as usize;
        let size = pitch * height as usize;
        if data.len() < slot * count as usize {
            return Err("the console gave less than its font".into());
        }
        let glyphs = data
            .chunks(slot)
            .take(count as usize)
            .flat_map(|glyph| glyph[..size].iter().copied())
            .collect();
        Ok(Font {
            width,
            height,
            count,
            glyphs,
            unicode: None,
        })
    }

    /// The console's Unicode map for this font: (character, glyph) pairs, for the
    /// characters of the Basic Multilingual Plane (the map's entries are 16 bits).
    pub(crate) fn unimap(&self) -> Vec<(u16, u16)> {
        let Some(table) = &self.unicode else {
            return Vec::new();
        };
        table
            .iter()
            .enumerate()
            .flat_map(|(glyph, chars)| {
                chars
                    .iter()
                    .filter_map(move |c| Some((u16::try_from(u32::from(*c)).ok()?, glyph as u16)))
            })
            .collect()
    }
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

fn checked(width: u32, height: u32, count: u32) -> Result<(), String> {
    if width == 0 || width > MAX_WIDTH || height == 0 || height > MAX_HEIGHT {
        return Err(format!(
            "glyphs of {width}×{height} (the console takes 1×1 to {MAX_WIDTH}×{MAX_HEIGHT})"
        ));
    }
    if count == 0 || count > MAX_COUNT {
        return Err(format!(
            "{count} glyphs (the console takes 1 to {MAX_COUNT})"
        ));
    }
    Ok(())
}

/// PSF 1: a 4-byte header (magic, mode, height); 8 pixels wide; 256 or 512 glyphs; a table
/// of 16-bit characters after them, 0xFFFF ending each glyph's, 0xFFFE starting sequences.
fn psf1(bytes: &[u8]) -> Result<Font, String> {
    if bytes.len() < 4 {
        return Err("the PSF 1 header is cut short".into());
    }
    let mode = bytes[2];
    let height = u32::from(bytes[3]);
    let count = if mode & 0x01 != 0 { 512 } else { 256 };
    checked(8, height, count)?;
    let size = height as usize * count as usize;
    let glyphs = bytes
        .get(4..4 + size)
        .ok_or("the glyphs are cut short")?
        .to_vec();
    let unicode = if mode & 0x06 != 0 {
        let table = &bytes[4 + size..];
        let units: Vec<u16> = table
            .chunks_exact(2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
            .collect();
        let mut entries: Vec<Vec<char>> = Vec::with_capacity(count as usize);
        let mut current = Vec::new();
        let mut in_sequence = false;
        for unit in units {
            match unit {
                0xFFFF => {
                    entries.push(std::mem::take(&mut current));
                    in_sequence = false;
                }
                0xFFFE => in_sequence = true,
                _ if in_sequence => {}
                _ => current.extend(char::from_u32(u32::from(unit))),
            }
            if entries.len() == count as usize {
                break;
            }
        }
        if entries.len() < count as usize {
            return Err("the Unicode table is cut short".into());
        }
        Some(entries)
    } else {
        None
    };
    Ok(Font {
        width: 8,
        height,
        count,
        glyphs,
        unicode,
    })
}

/// PSF 2: a 32-byte header (magic, version, header size, flags, count, glyph size, height,
/// width); a table of UTF-8 characters after the glyphs, 0xFF ending each glyph's, 0xFE
/// starting sequences.
fn psf2(bytes: &[u8]) -> Result<Font, String> {
    if bytes.len() < 32 {
        return Err("the PSF 2 header is cut short".into());
    }
    let header = u32_at(bytes, 8) as usize;
    let flags = u32_at(bytes, 12);
    let count = u32_at(bytes, 16);
    let glyph_size = u32_at(bytes, 20) as usize;
    let height = u32_at(bytes, 24);
    let width = u32_at(bytes, 28);
    checked(width, height, count)?;
    if glyph_size != width.div_ceil(8) as usize * height as usize {
        return Err(format!("glyphs of {glyph_size} bytes for {width}×{height}"));
    }
    let size = glyph_size * count as usize;
    let glyphs = bytes
        .get(header..header + size)
        .ok_or("the glyphs are cut short")?
        .to_vec();
    let unicode = if flags & 0x01 != 0 {
        let mut entries: Vec<Vec<char>> = Vec::with_capacity(count as usize);
        for entry in bytes[header + size..].split(|b| *b == 0xFF) {
            if entries.len() == count as usize {
                break;
            }
            // The characters before any sequence.
            let singles = entry.split(|b| *b == 0xFE).next().unwrap_or_default();
            entries.push(String::from_utf8_lossy(singles).chars().collect());
        }
        if entries.len() < count as usize {
            return Err("the Unicode table is cut short".into());
        }
        Some(entries)
    } else {
        None
    };
    Ok(Font {
        width,
        height,
        count,
        glyphs,
        unicode,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PSF 1 font of 256 glyphs 8×2: glyph n's rows are n and !n; 'A' on glyph 65.
    fn psf1_bytes() -> Vec<u8> {
        let mut bytes = vec![0x36, 0x04, 0x02, 2];
        for n in 0..=255u8 {
            bytes.extend([n, !n]);
        }
        for n in 0..256u16 {
            bytes.extend(n.to_le_bytes());
            if n == 65 {
                // A sequence after the single characters: left out.
                bytes.extend([0xFE, 0xFF, 0x41, 0x00, 0x01, 0x03]);
            }
            bytes.extend([0xFF, 0xFF]);
        }
        bytes
    }

    /// A PSF 2 font of 2 glyphs 10×3 (2 bytes a row), the second drawing 'é' and 'e'.
    fn psf2_bytes() -> Vec<u8> {
        let mut bytes = PSF2_MAGIC.to_vec();
        for field in [0u32, 32, 1, 2, 6, 3, 10] {
            bytes.extend(field.to_le_bytes());
        }
        bytes.extend([0xFF, 0xC0, 0x80, 0x40, 0x00, 0x00]);
        bytes.extend([0x00, 0x00, 0x80, 0x00, 0xFF, 0xC0]);
        bytes.extend([0xFF]);
        bytes.extend("éeA".as_bytes().iter().take(3));
        bytes.extend([0xFE, b'x', 0xFF]);
        bytes
    }

    fn gzipped(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(bytes).unwrap();
        gz.finish().unwrap()
    }

    #[test]
    fn reads_psf1_and_its_unicode_table_gzipped_or_not() {
        for bytes in [psf1_bytes(), gzipped(&psf1_bytes())] {
            let font = Font::parse(&bytes).unwrap();
            assert_eq!((font.width, font.height, font.count), (8, 2, 256));
            assert_eq!(&font.glyphs[130..132], &[65, !65]);
            let table = font.unicode.as_ref().unwrap();
            assert_eq!(table[65], vec!['A'], "the sequence is left out");
            assert!(font.unimap().contains(&(0x41, 65)));
        }
    }

    #[test]
    fn reads_psf2_and_its_utf8_table() {
        let font = Font::parse(&gzipped(&psf2_bytes())).unwrap();
        assert_eq!((font.width, font.height, font.count), (10, 3, 2));
        assert_eq!(font.pitch(), 2);
        assert_eq!(font.unicode.as_ref().unwrap()[1], vec!['é', 'e']);
        assert_eq!(font.unimap(), vec![(0xE9, 1), (0x65, 1)]);
    }

    #[test]
    fn says_what_is_wrong_with_a_file_that_is_not_a_font() {
        assert!(Font::parse(b"hello").unwrap_err().contains("not a PSF"));
        let mut cut = psf2_bytes();
        cut.truncate(40);
        assert!(Font::parse(&cut).unwrap_err().contains("cut short"));
        let mut wide = psf2_bytes();
        wide[28..32].copy_from_slice(&200u32.to_le_bytes());
        assert!(Font::parse(&wide).is_err());
        assert!(
            Font::parse(&[0x1f, 0x8b, 0, 0])
                .unwrap_err()
                .contains("gzip")
        );
    }

    #[test]
    fn doubling_makes_each_pixel_four() {
        let font = Font::parse(&psf2_bytes()).unwrap();
        let big = font.doubled().unwrap();
        assert_eq!((big.width, big.height, big.count), (20, 6, 2));
        assert_eq!(big.pitch(), 3);
        // Row 0 of glyph 0: ten pixels on → twenty, twice.
        assert_eq!(&big.glyphs[0..6], &[0xFF, 0xFF, 0xF0, 0xFF, 0xFF, 0xF0]);
        // Row 1: the first and the tenth pixels → columns 0–1 and 18–19.
        assert_eq!(&big.glyphs[6..9], &[0xC0, 0x00, 0x30]);
        assert_eq!(big.unicode, font.unicode);
        let too_tall = Font {
            height: 65,
            glyphs: vec![0; 65 * 2],
            ..font
        };
        assert!(too_tall.doubled().is_err());
    }

    #[test]
    fn the_console_carries_glyphs_on_32_rows_or_on_their_height() {
        let font = Font::parse(&psf2_bytes()).unwrap();
        let data = font.to_console(32);
        assert_eq!(data.len(), 2 * 2 * 32);
        assert_eq!(&data[64..70], &font.glyphs[6..12]);
        assert!(
            data[6..64].iter().all(|b| *b == 0),
            "padded with blank rows"
        );
        assert_eq!(
            Font::from_console(&data, 10, 3, 2, 32).unwrap().glyphs,
            font.glyphs
        );
        assert_eq!(font.to_console(3), font.glyphs);
    }

    /// Debian's console-setup fonts (`console-setup-linux`), as a help point has them.
    fn debian(name: &str) -> Option<Font> {
        let path = std::path::Path::new("/usr/share/consolefonts").join(name);
        if !path.exists() {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{} is missing: CI installs console-setup-linux",
                path.display()
            );
            eprintln!(
                "skipped: {} is missing (Debian's console-setup-linux)",
                path.display()
            );
            return None;
        }
        Some(Font::read(&path).unwrap())
    }

    #[test]
    fn reads_debians_console_fonts_and_doubles_terminus_32x16_to_64x32() {
        let Some(terminus) = debian("Uni2-TerminusBold32x16.psf.gz") else {
            return;
        };
        assert_eq!(
            (terminus.width, terminus.height, terminus.count),
            (16, 32, 512)
        );
        // 'A' is drawn by a glyph of its own, and 'Я' too (Ukrainian shows).
        let map = terminus.unimap();
        assert!(map.iter().any(|(c, _)| *c == u16::from(b'A')));
        assert!(map.iter().any(|(c, _)| *c == 0x042F));
        let big = terminus.doubled().unwrap();
        assert_eq!((big.width, big.height), (32, 64));
        // A doubled glyph has four times the pixels of its original.
        let ink = |f: &Font, g: usize| {
            f.glyphs[g * f.glyph_size()..(g + 1) * f.glyph_size()]
                .iter()
                .map(|b| b.count_ones())
                .sum::<u32>()
        };
        let a = map.iter().find(|(c, _)| *c == u16::from(b'A')).unwrap().1 as usize;
        assert_eq!(ink(&big, a), 4 * ink(&terminus, a));
        assert!(ink(&terminus, a) > 0);

        let Some(fixed) = debian("Lat15-Fixed16.psf.gz") else {
            return;
        };
        assert_eq!((fixed.width, fixed.height, fixed.count), (8, 16, 256));
        assert!(fixed.unimap().iter().any(|(c, _)| *c == 0xE9), "é");
        assert_eq!(fixed.doubled().unwrap().height, 32);
    }
}

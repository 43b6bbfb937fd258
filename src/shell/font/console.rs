//! The Linux console: its font is read and loaded with the `KDFONTOP` ioctl, as `setfont`
//! does. Large text loads `[display] large_font` (with its Unicode map) or the console's own
//! font doubled (`setfont -d`: the same map); normal text loads back the font found, and its
//! map. What each call carries is worked out by pure functions (`font_op`, `unimap_desc`).
use std::os::fd::RawFd;

use crate::psf::{self, Font};

const KDFONTOP: libc::c_ulong = 0x4B72;
const GIO_UNIMAP: libc::c_ulong = 0x4B66;
const PIO_UNIMAP: libc::c_ulong = 0x4B67;
const PIO_UNIMAPCLR: libc::c_ulong = 0x4B68;

pub(crate) const KD_FONT_OP_SET: u32 = 0;
pub(crate) const KD_FONT_OP_GET: u32 = 1;
/// Linux 6.2: glyphs on their own height instead of 32 rows (fonts taller than 32).
pub(crate) const KD_FONT_OP_SET_TALL: u32 = 4;
pub(crate) const KD_FONT_OP_GET_TALL: u32 = 5;

/// `struct console_font_op` (linux/kd.h).
#[repr(C)]
#[derive(Debug)]
pub(crate) struct ConsoleFontOp {
    pub op: libc::c_uint,
    pub flags: libc::c_uint,
    pub width: libc::c_uint,
    pub height: libc::c_uint,
    pub charcount: libc::c_uint,
    pub data: *mut u8,
}

/// `struct unipair` and `struct unimapdesc` (linux/kd.h).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct UniPair {
    pub unicode: u16,
    pub fontpos: u16,
}
#[repr(C)]
struct UnimapDesc {
    entry_ct: u16,
    entries: *mut UniPair,
}
#[repr(C)]
#[derive(Default)]
struct UnimapInit {
    advised_hashsize: u16,
    advised_hashstep: u16,
    advised_hashlevel: u16,
}

/// The operation that loads `font` and the glyphs it carries: 32 rows a glyph while the
/// font fits in 32×32 (every kernel takes it), else the glyphs on their own height
/// (`KD_FONT_OP_SET_TALL`, Linux 6.2 and later).
pub(crate) fn font_op(font: &Font) -> (ConsoleFontOp, Vec<u8>) {
    let (op, vpitch) = if font.height <= 32 && font.width <= 32 {
        (KD_FONT_OP_SET, 32)
    } else {
        (KD_FONT_OP_SET_TALL, font.height)
    };
    let mut data = font.to_console(vpitch);
    let op = ConsoleFontOp {
        op,
        flags: 0,
        width: font.width,
        height: font.height,
        charcount: font.count,
        data: data.as_mut_ptr(),
    };
    (op, data)
}

/// The Unicode map a font brings, as the console takes it.
pub(crate) fn unimap_desc(font: &Font) -> Vec<UniPair> {
    font.unimap()
        .into_iter()
        .map(|(unicode, fontpos)| UniPair { unicode, fontpos })
        .collect()
}

fn ioctl<T>(fd: RawFd, request: libc::c_ulong, arg: *mut T) -> Result<(), std::io::Error> {
    // SAFETY: `arg` points to the structure this request takes, valid for the call.
    let done = unsafe { libc::ioctl(fd, request as _, arg) };
    if done < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// The console's font now (`KD_FONT_OP_GET_TALL`, or `KD_FONT_OP_GET` before Linux 6.2).
pub(crate) fn get_font(fd: RawFd) -> Result<Font, String> {
    let capacity = (psf::MAX_WIDTH.div_ceil(8) * psf::MAX_HEIGHT * 512) as usize;
    let mut data = vec![0u8; capacity];
    let mut last = None;
    for (op, vpitch) in [(KD_FONT_OP_GET_TALL, None), (KD_FONT_OP_GET, Some(32))] {
        let mut request = ConsoleFontOp {
            op,
            flags: 0,
            width: psf::MAX_WIDTH,
            height: psf::MAX_HEIGHT,
            charcount: 512,
            data: data.as_mut_ptr(),
        };
        match ioctl(fd, KDFONTOP, &mut request) {
            Ok(()) => {
                let vpitch = vpitch.unwrap_or(request.height);
                return Font::from_console(
                    &data,
                    request.width,
                    request.height,
                    request.charcount,
                    vpitch,
                );
            }
            // Before Linux 6.2 the tall operation does not exist.
            Err(e) if op == KD_FONT_OP_GET_TALL && e.raw_os_error() == Some(libc::ENOSYS) => {
                last = Some(e)
            }
            Err(e) if op == KD_FONT_OP_GET_TALL && e.raw_os_error() == Some(libc::EINVAL) => {
                last = Some(e)
            }
            Err(e) => return Err(format!("the console's font cannot be read (KDFONTOP: {e})")),
        }
    }
    Err(format!(
        "the console's font cannot be read (KDFONTOP: {})",
        last.map_or_else(String::new, |e| e.to_string())
    ))
}

/// Loads `font` on the console.
pub(crate) fn set_font(fd: RawFd, font: &Font) -> Result<(), String> {
    let (mut op, _data) = font_op(font);
    ioctl(fd, KDFONTOP, &mut op).map_err(|e| {
        format!(
            "the console refused a {}×{} font (KDFONTOP: {e}){}",
            font.width,
            font.height,
            if op.op == KD_FONT_OP_SET_TALL {
                "; fonts taller than 32 rows need Linux 6.2 or later"
            } else {
                ""
            }
        )
    })
}

/// The console's Unicode map now.
pub(crate) fn get_unimap(fd: RawFd) -> Result<Vec<UniPair>, String> {
    let mut entries = vec![
        UniPair {
            unicode: 0,
            fontpos: 0
        };
        u16::MAX as usize
    ];
    let mut desc = UnimapDesc {
        entry_ct: u16::MAX,
        entries: entries.as_mut_ptr(),
    };
    ioctl(fd, GIO_UNIMAP, &mut desc)
        .map_err(|e| format!("the console's Unicode map cannot be read (GIO_UNIMAP: {e})"))?;
    entries.truncate(desc.entry_ct as usize);
    Ok(entries)
}

/// Replaces the console's Unicode map.
pub(crate) fn set_unimap(fd: RawFd, map: &[UniPair]) -> Result<(), String> {
    let mut init = UnimapInit::default();
    ioctl(fd, PIO_UNIMAPCLR, &mut init)
        .map_err(|e| format!("the console's Unicode map cannot be cleared (PIO_UNIMAPCLR: {e})"))?;
    let mut entries = map.to_vec();
    let mut desc = UnimapDesc {
        entry_ct: entries.len().min(u16::MAX as usize) as u16,
        entries: entries.as_mut_ptr(),
    };
    ioctl(fd, PIO_UNIMAP, &mut desc)
        .map_err(|e| format!("the console's Unicode map cannot be loaded (PIO_UNIMAP: {e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font(width: u32, height: u32) -> Font {
        Font {
            width,
            height,
            count: 256,
            glyphs: vec![0xA5; 256 * width.div_ceil(8) as usize * height as usize],
            unicode: Some((0..256).map(|i| vec![char::from(i as u8)]).collect()),
        }
    }

    #[test]
    fn a_font_up_to_32_rows_goes_on_32_rows_a_taller_one_on_its_own() {
        // Terminus 16×32: every kernel.
        let (op, data) = font_op(&font(16, 32));
        assert_eq!(
            (op.op, op.width, op.height, op.charcount),
            (KD_FONT_OP_SET, 16, 32, 256)
        );
        assert_eq!(data.len(), 256 * 2 * 32);
        assert_eq!(op.data, data.as_ptr() as *mut u8);
        // 8×16 doubled is 16×32: still 32 rows.
        let (op, data) = font_op(&font(8, 16).doubled().unwrap());
        assert_eq!((op.op, op.width, op.height), (KD_FONT_OP_SET, 16, 32));
        assert_eq!(data.len(), 256 * 2 * 32);
        // Terminus 16×32 doubled is 32×64: the tall operation, 64 rows a glyph.
        let (op, data) = font_op(&font(16, 32).doubled().unwrap());
        assert_eq!(
            (op.op, op.width, op.height, op.charcount),
            (KD_FONT_OP_SET_TALL, 32, 64, 256)
        );
        assert_eq!(data.len(), 256 * 4 * 64);
        // A short font is padded to 32 rows.
        let (_, data) = font_op(&font(8, 8));
        assert_eq!(data.len(), 256 * 32);
        assert_eq!(
            &data[..9],
            &[0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0]
        );
    }

    #[test]
    fn the_unicode_map_pairs_each_character_with_its_glyph() {
        let map = unimap_desc(&font(8, 16));
        assert_eq!(map.len(), 256);
        assert_eq!(
            map[65],
            UniPair {
                unicode: 65,
                fontpos: 65
            }
        );
    }

    #[test]
    fn the_structures_are_the_kernels() {
        // linux/kd.h on x86-64: five unsigned ints, then the pointer at 24.
        assert_eq!(std::mem::size_of::<ConsoleFontOp>(), 32);
        assert_eq!(std::mem::offset_of!(ConsoleFontOp, data), 24);
        assert_eq!(std::mem::size_of::<UniPair>(), 4);
        assert_eq!(std::mem::offset_of!(UnimapDesc, entries), 8);
        assert_eq!(std::mem::size_of::<UnimapInit>(), 6);
    }
}

//! Where each row of a CSV file starts and ends, in physical lines, whatever ends the lines
//! (LF, CRLF, CR alone), and a bound on a row's size: the reader between the file and the
//! `csv` crate, following the same rules for quotes and line ends so that its rows are the
//! crate's rows, one for one.
use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Read;
use std::rc::Rc;

/// No row of a lieux file comes near this: one that does is refused with its line, and what
/// it holds beyond is never kept in memory.
pub(crate) const MAX_ROW_BYTES: usize = 1024 * 1024;

/// A row as the file has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    /// The physical line where the row starts (1-based).
    pub first: usize,
    /// The physical line where it ends.
    pub last: usize,
    /// Larger than `MAX_ROW_BYTES`: cut short for the `csv` crate, to be refused.
    pub oversize: bool,
    /// The file ended inside a quoted field.
    pub open_quote: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between rows (blank lines are skipped, as the `csv` crate does).
    StartRecord,
    StartField,
    InField,
    InQuoted,
    /// A quote inside a quoted field: doubled (a quote), or the field's end.
    QuoteInQuoted,
}

/// The rows read so far, in order; the caller takes one for each record the `csv` crate
/// gives.
pub(crate) type Spans = Rc<RefCell<VecDeque<Span>>>;

pub(crate) struct Rows<R> {
    inner: R,
    input: Vec<u8>,
    at: usize,
    filled: usize,
    state: State,
    line: usize,
    /// The last byte was a CR: an LF right after it ends the same line.
    after_cr: bool,
    /// The last byte ended a line.
    at_line_start: bool,
    /// The row being read: where it started, its size so far.
    current: Option<(usize, usize)>,
    /// Past the bound: the rest of the row is read and dropped.
    dropping: bool,
    /// Bytes to give before the file's own (the end of a row cut short).
    pending: Vec<u8>,
    spans: Spans,
    ended: bool,
}

impl<R: Read> Rows<R> {
    pub(crate) fn new(inner: R) -> (Rows<R>, Spans) {
        let spans = Spans::default();
        let rows = Rows {
            inner,
            input: vec![0; 64 * 1024],
            at: 0,
            filled: 0,
            state: State::StartRecord,
            line: 1,
            after_cr: false,
            at_line_start: false,
            current: None,
            dropping: false,
            pending: Vec::new(),
            spans: spans.clone(),
            ended: false,
        };
        (rows, spans)
    }

    fn end_row(&mut self, open_quote: bool) {
        // A row cut short had its span when it was cut.
        if let Some((first, _)) = self.current.take().filter(|_| !self.dropping) {
            self.spans.borrow_mut().push_back(Span {
                first,
                last: self.line,
                oversize: self.dropping,
                open_quote,
            });
        }
        self.dropping = false;
        self.state = State::StartRecord;
    }

    /// Follows one byte of the file; whether it goes on to the `csv` crate.
    fn step(&mut self, byte: u8) -> bool {
        let line_end = byte == b'\n' || byte == b'\r';
        let new_line = byte == b'\r' || (byte == b'\n' && !self.after_cr);
        self.after_cr = byte == b'\r';
        self.at_line_start = line_end;
        if self.state == State::StartRecord {
            if line_end {
                if new_line {
                    self.line += 1;
                }
                return true;
            }
            self.current = Some((self.line, 0));
            self.state = State::StartField;
        }
        // The row's end is on the line its terminator is on.
        let ends_row = line_end
            && matches!(
                self.state,
                State::StartField | State::InField | State::QuoteInQuoted
            );
        if ends_row {
            self.end_row(false);
        }
        if new_line {
            self.line += 1;
        }
        if ends_row {
            return true;
        }
        self.state = match (self.state, byte) {
            (State::StartField, b'"') => State::InQuoted,
            (State::StartField | State::InField | State::QuoteInQuoted, b',') => State::StartField,
            (State::StartField | State::InField, _) => State::InField,
            (State::InQuoted, b'"') => State::QuoteInQuoted,
            (State::InQuoted, _) => State::InQuoted,
            (State::QuoteInQuoted, b'"') => State::InQuoted,
            (State::QuoteInQuoted, _) => State::InField,
            (State::StartRecord, _) => unreachable!("a row has started"),
        };
        if let Some((_, size)) = self.current.as_mut() {
            *size += 1;
            if *size > MAX_ROW_BYTES && !self.dropping {
                // The `csv` crate is given the row's end now: a quote closing the field it
                // is in, if it is in one, then a line end; its span goes with it.
                if self.state == State::InQuoted {
                    self.pending.push(b'"');
                }
                self.pending.push(b'\n');
                let first = self.current.map_or(self.line, |(first, _)| first);
                self.spans.borrow_mut().push_back(Span {
                    first,
                    last: self.line,
                    oversize: true,
                    open_quote: false,
                });
                self.dropping = true;
            }
        }
        !self.dropping
    }
}

impl<R: Read> Read for Rows<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let mut written = 0;
        while written < out.len() {
            if !self.pending.is_empty() {
                let n = self.pending.len().min(out.len() - written);
                out[written..written + n].copy_from_slice(&self.pending[..n]);
                self.pending.drain(..n);
                written += n;
                continue;
            }
            if self.at == self.filled {
                if written > 0 || self.ended {
                    break;
                }
                self.filled = self.inner.read(&mut self.input)?;
                self.at = 0;
                if self.filled == 0 {
                    self.ended = true;
                    // A line end inside the open quote was the file's last byte: the row
                    // ends on the line before.
                    if self.at_line_start {
                        self.line -= 1;
                    }
                    self.end_row(self.state == State::InQuoted);
                    break;
                }
            }
            let byte = self.input[self.at];
            self.at += 1;
            if self.step(byte) {
                out[written] = byte;
                written += 1;
            }
        }
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The records the `csv` crate reads through `Rows`, each with its span.
    fn rows(text: &[u8]) -> Vec<(Vec<String>, Span)> {
        let (reader, spans) = Rows::new(text);
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(reader);
        let mut out = Vec::new();
        for record in csv.byte_records() {
            let record = record.unwrap();
            let span = spans
                .borrow_mut()
                .pop_front()
                .expect("a span for each record");
            let fields = record
                .iter()
                .map(|f| String::from_utf8_lossy(&f[..f.len().min(20)]).to_string())
                .collect();
            out.push((fields, span));
        }
        assert!(spans.borrow().is_empty(), "a span for no record");
        out
    }

    fn lines(text: &[u8]) -> Vec<(usize, usize)> {
        rows(text).iter().map(|(_, s)| (s.first, s.last)).collect()
    }

    #[test]
    fn each_row_has_its_physical_lines_whatever_ends_them() {
        let expected = vec![(1, 1), (2, 2), (4, 5), (6, 6)];
        // A blank line (3), a quoted field over two lines (4–5).
        for end in ["\n", "\r\n", "\r"] {
            let text = ["id,nom", "a,Gap", "", "b,\"Mairie", "de Gap\"", "c,Embrun"].join(end);
            assert_eq!(lines(text.as_bytes()), expected, "{end:?}");
            assert_eq!(
                lines((text + end).as_bytes()),
                expected,
                "{end:?} at the end"
            );
        }
    }

    #[test]
    fn quotes_are_read_as_the_csv_crate_reads_them() {
        let read = rows(b"a,\"x \"\"y\"\", z\"\nb,q\"r,\"s\"t\n");
        assert_eq!(read[0].0, ["a", "x \"y\", z"]);
        assert_eq!(read[1].0, ["b", "q\"r", "st"]);
        assert_eq!((read[1].1.first, read[1].1.last), (2, 2));
    }

    #[test]
    fn a_row_over_the_bound_is_cut_short_and_said_so_and_the_next_row_is_read() {
        for quoted in [false, true] {
            let mut text = b"a,".to_vec();
            if quoted {
                text.push(b'"');
            }
            text.extend(std::iter::repeat_n(b'x', MAX_ROW_BYTES + 10));
            if quoted {
                text.extend(b"\n\"");
            }
            text.extend(b"\nb,Gap\n");
            let read = rows(&text);
            assert_eq!(read.len(), 2, "quoted: {quoted}");
            assert!(read[0].1.oversize);
            assert!(read[0].0[1].len() <= MAX_ROW_BYTES);
            assert_eq!(read[1].0, ["b", "Gap"]);
            assert!(!read[1].1.oversize);
            assert_eq!(read[1].1.first, if quoted { 3 } else { 2 });
        }
    }

    #[test]
    fn a_quote_left_open_to_the_end_is_said() {
        let read = rows(b"a,Gap\nb,\"Mairie\nc,Embrun\n");
        assert_eq!(read.len(), 2);
        assert_eq!(
            read[1].1,
            Span {
                first: 2,
                last: 3,
                oversize: false,
                open_quote: true
            }
        );
    }
}

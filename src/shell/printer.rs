//! The ticket printer, at the edge: a receipt printer spoken to in ESC/POS (`[printer]
//! escpos`: a device file or a network printer), or any printer through a command given the
//! ticket's text (`[printer] command`). What an ESC/POS printer is sent is a pure function of
//! the ticket (`escpos`), built with the `escpos` crate's commands.
use std::cell::RefCell;
use std::io::Write;
use std::net::{TcpStream, ToSocketAddrs};
use std::rc::Rc;
use std::time::Duration;

use escpos::driver::Driver;
use escpos::printer::Printer;
use escpos::printer_options::PrinterOptions;
use escpos::utils::{
    Encoder, JustifyMode, PageCode, Protocol, QRCodeCorrectionLevel, QRCodeModel, QRCodeOption,
};

use crate::app::printout::{COLUMNS, PrintLine, Printout, wrapped};
use crate::config::{EscposTarget, KioskConfig, TicketPrinter};

/// How long a printer may take before the ticket is given up (the kiosk never waits for it:
/// this runs on a thread of its own).
pub const LIMIT: Duration = Duration::from_secs(10);

/// Prints a ticket; what went wrong, in words for the log (never the ticket's text: it holds
/// a code and a first name).
pub fn print(printer: &TicketPrinter, ticket: &Printout) -> Result<(), String> {
    match printer {
        TicketPrinter::Command(command) => {
            crate::command::run(command, None, &ticket.plain(), LIMIT).map_err(|e| e.summary)
        }
        TicketPrinter::Escpos(target) => send(target, &escpos(ticket)?),
    }
}

/// One line for `borne check-config`: what prints the tickets, and how.
pub fn describe(kiosk: &KioskConfig) -> String {
    match &kiosk.ticket_printer {
        None => "ticket printer: none — the receipt asks the person to write the code down or \
                 to ask the desk for a note ([printer] escpos or command in kiosk.toml)"
            .into(),
        Some(TicketPrinter::Command(command)) => format!(
            "ticket printer: the command {:?}, given the ticket as plain text ({COLUMNS} \
             columns, no QR code)",
            command.join(" ")
        ),
        Some(TicketPrinter::Escpos(target)) => format!(
            "ticket printer: ESC/POS receipt printer at {} — the code in double size, day, time, \
             place, phone and the appointment's QR code; if it does not answer within {} s the \
             code stays on the screen and the person is told kindly",
            target,
            LIMIT.as_secs()
        ),
    }
}

/// Collects what the `escpos` crate writes, instead of a device it would open itself: the
/// bytes go out at the edge, with a time limit.
#[derive(Clone, Default)]
struct Bytes(Rc<RefCell<Vec<u8>>>);

impl Driver for Bytes {
    fn name(&self) -> String {
        "bytes".into()
    }
    fn write(&self, data: &[u8]) -> escpos::errors::Result<()> {
        self.0.borrow_mut().extend_from_slice(data);
        Ok(())
    }
    fn read(&self, _: &mut [u8]) -> escpos::errors::Result<usize> {
        Ok(0)
    }
    fn flush(&self) -> escpos::errors::Result<()> {
        Ok(())
    }
}

/// The printer's code page for a language: Western European for the Latin scripts,
/// Cyrillic for Ukrainian (both in every Epson-compatible printer).
fn code_page(locale: &str) -> (PageCode, &'static encoding_rs::Encoding) {
    match locale.split('-').next() {
        Some("uk") => (PageCode::WPC1251, encoding_rs::WINDOWS_1251),
        _ => (PageCode::WPC1252, encoding_rs::WINDOWS_1252),
    }
}

/// The text as the code page can print it: a space the page lacks (the thin spaces of French
/// typography) becomes a plain one, any other missing character a question mark.
fn printable(text: &str, encoding: &'static encoding_rs::Encoding) -> String {
    text.chars()
        .map(|c| {
            let mut buf = [0; 4];
            let (_, _, unmappable) = encoding.encode(c.encode_utf8(&mut buf));
            match c {
                _ if !unmappable => c,
                c if c.is_whitespace() => ' ',
                '‑' | '‐' | '–' | '—' => '-',
                _ => '?',
            }
        })
        .collect()
}

/// The ESC/POS bytes of a ticket: the help point's name in bold, the code (or queue number)
/// in double width and height, the text wrapped to the paper, the QR code drawn by the
/// printer itself (model 2, medium correction: paper gets creased), then the paper cut.
pub fn escpos(ticket: &Printout) -> Result<Vec<u8>, String> {
    let (page, encoding) = code_page(&ticket.locale);
    let bytes = Bytes::default();
    let mut printer = Printer::new(
        bytes.clone(),
        Protocol::new(Encoder::new(encoding)),
        Some(PrinterOptions::new(None, None, COLUMNS as u8)),
    );
    let text = |t: &str| printable(t, encoding);
    let built: escpos::errors::Result<()> = (|| {
        printer.init()?.page_code(page)?;
        for line in &ticket.lines {
            match line {
                PrintLine::Title(t) => {
                    printer.justify(JustifyMode::CENTER)?.bold(true)?;
                    for l in wrapped(t) {
                        printer.writeln(&text(&l))?;
                    }
                    printer.bold(false)?.justify(JustifyMode::LEFT)?;
                }
                PrintLine::Large(t) => {
                    printer
                        .justify(JustifyMode::CENTER)?
                        .size(2, 2)?
                        .bold(true)?
                        .writeln(&text(t))?
                        .bold(false)?
                        .reset_size()?
                        .justify(JustifyMode::LEFT)?;
                }
                PrintLine::Text(t) => {
                    for l in wrapped(t) {
                        printer.writeln(&text(&l))?;
                    }
                }
                PrintLine::Qr(payload) => {
                    printer
                        .justify(JustifyMode::CENTER)?
                        .qrcode_option(
                            payload,
                            QRCodeOption::new(QRCodeModel::Model2, 5, QRCodeCorrectionLevel::M),
                        )?
                        .justify(JustifyMode::LEFT)?;
                }
                PrintLine::Gap => {
                    printer.feed()?;
                }
            }
        }
        printer.feeds(3)?.print_cut()?;
        Ok(())
    })();
    built.map_err(|e| format!("the ticket could not be made into ESC/POS: {e}"))?;
    drop(printer);
    Ok(bytes.0.take())
}

/// Sends the bytes to the printer, within `LIMIT`: a device that blocks (a USB printer out of
/// paper) is given up, not waited for.
fn send(target: &EscposTarget, bytes: &[u8]) -> Result<(), String> {
    let (done, wait) = std::sync::mpsc::channel();
    let target_ = target.clone();
    let bytes = bytes.to_vec();
    std::thread::spawn(move || {
        let _ = done.send(write_to(&target_, &bytes));
    });
    match wait.recv_timeout(LIMIT) {
        Ok(result) => result.map_err(|e| format!("printer {target}: {e}")),
        Err(_) => Err(format!(
            "printer {target}: no answer within {} s",
            LIMIT.as_secs()
        )),
    }
}

fn write_to(target: &EscposTarget, bytes: &[u8]) -> std::io::Result<()> {
    match target {
        EscposTarget::Device(path) => {
            let mut device = std::fs::OpenOptions::new().write(true).open(path)?;
            device.write_all(bytes)?;
            device.flush()
        }
        EscposTarget::Tcp(address) => {
            let mut last = None;
            for addr in address.to_socket_addrs()? {
                match TcpStream::connect_timeout(&addr, Duration::from_secs(3)) {
                    Ok(mut stream) => {
                        stream.set_write_timeout(Some(LIMIT))?;
                        stream.write_all(bytes)?;
                        stream.flush()?;
                        return stream.shutdown(std::net::Shutdown::Write);
                    }
                    Err(e) => last = Some(e),
                }
            }
            Err(last.unwrap_or_else(|| std::io::Error::other("the name has no address")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn ticket(locale: &str) -> Printout {
        let mut p = Printout::new(locale);
        p.push(PrintLine::Title("Point numérique — Mairie de Gap".into()))
            .push(PrintLine::Large("ABC 234".into()))
            .push(PrintLine::Text(
                "Mardi 3 mars à 14 h 30, avec Camille.".into(),
            ))
            .push(PrintLine::Qr(
                "BEGIN:VEVENT\nDESCRIPTION:Code ABC234\nEND:VEVENT".into(),
            ));
        p
    }

    /// Where `needle` starts in `bytes`.
    fn find(bytes: &[u8], needle: &[u8]) -> Option<usize> {
        bytes.windows(needle.len()).position(|w| w == needle)
    }

    #[test]
    fn the_code_is_in_double_size_and_the_qr_code_is_the_printers_own() {
        let bytes = escpos(&ticket("fr")).unwrap();
        // GS ! 0x11: double width and height, then the code, then back to normal.
        let large = find(&bytes, b"\x1d\x21\x11").expect("double size");
        let code = find(&bytes, b"ABC 234").unwrap();
        let normal = find(&bytes[code..], b"\x1d\x21\x00").expect("normal size after");
        assert!(large < code && normal > 0);
        // GS ( k … 1 P 0: the QR code's data, then 1 Q 0: print it.
        let data = find(&bytes, b"\x1d\x28\x6b").expect("a QR command");
        let event = find(&bytes, b"BEGIN:VEVENT\nDESCRIPTION:Code ABC234").unwrap();
        assert!(data < event);
        assert!(find(&bytes, b"\x1d\x28\x6b\x03\x00\x31\x51\x30").is_some());
        // French in the Western code page (ESC t 16): "é" is one byte, 0xE9.
        assert!(find(&bytes, b"\x1bt\x10").is_some());
        assert!(find(&bytes, b"num\xe9rique").is_some());
    }

    #[test]
    fn ukrainian_is_printed_in_the_cyrillic_code_page() {
        let mut p = Printout::new("uk");
        p.push(PrintLine::Text("Ваш код\u{202f}!".into()));
        let bytes = escpos(&p).unwrap();
        assert!(find(&bytes, b"\x1bt\x2e").is_some(), "ESC t 46");
        // "Ваш код" in Windows-1251, the narrow space a plain one.
        assert!(find(&bytes, b"\xc2\xe0\xf8 \xea\xee\xe4 !").is_some());
    }

    #[test]
    fn a_network_printer_receives_the_ticket() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let received = std::thread::spawn(move || {
            let (mut socket, _) = listener.accept().unwrap();
            let mut bytes = Vec::new();
            socket.read_to_end(&mut bytes).unwrap();
            bytes
        });
        let printer =
            TicketPrinter::Escpos(EscposTarget::parse(&format!("tcp://127.0.0.1:{port}")).unwrap());
        print(&printer, &ticket("fr")).unwrap();
        assert_eq!(received.join().unwrap(), escpos(&ticket("fr")).unwrap());
    }

    #[test]
    fn an_absent_printer_is_an_error_not_a_wait() {
        let gone = TicketPrinter::Escpos(EscposTarget::Device("/nonexistent/lp0".into()));
        let why = print(&gone, &ticket("fr")).unwrap_err();
        assert!(why.contains("/nonexistent/lp0"), "{why}");
        // Nobody listens on that port.
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let off = TicketPrinter::Escpos(EscposTarget::Tcp(format!("127.0.0.1:{port}")));
        assert!(print(&off, &ticket("fr")).is_err());
    }
}

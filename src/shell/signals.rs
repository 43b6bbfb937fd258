//! SIGTERM ends the kiosk cleanly (terminal restored); SIGHUP exits at once (the terminal is
//! gone, and crossterm would spin at full CPU otherwise); SIGINT, SIGQUIT and SIGTSTP sent from
//! outside are ignored like their keys.
use std::sync::mpsc::Sender;
use std::thread;

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use super::input::Input;

pub fn listen(tx: Sender<Input>) -> Result<(), String> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP])
        .map_err(|e| format!("cannot install signal handlers: {e}"))?;
    thread::spawn(move || {
        for signal in signals.forever() {
            match signal {
                SIGTERM => {
                    let _ = tx.send(Input::Terminate);
                }
                SIGHUP => std::process::exit(129),
                _ => {}
            }
        }
    });
    Ok(())
}

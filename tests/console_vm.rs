//! Large text on a real Linux console: the kiosk boots in a small virtual machine (QEMU,
//! emulated: KVM inside these machines' own virtual machines hangs at boot) whose console is
//! a framebuffer, starts with `large_text = true`, and the console's
//! grid is read before, while and after it runs (`stty size`, as the kiosk's own resize
//! sees it); the kiosk is then stopped by a signal and the console must have its font back.
//!
//! Opt-in: it needs `qemu-system-x86_64`, `cpio`, a static busybox (Debian's
//! `busybox-static`, or the file `BORNE_VM_BUSYBOX` names) and a kernel image named by
//! `BORNE_VM_KERNEL` (e.g. `vmlinuz-6.1.0-57-amd64` out of `apt-get download
//! linux-image-6.1.0-57-amd64`); without them it says it is skipped.
use crate::pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const FONTS: &str = "/usr/share/consolefonts";

fn busybox() -> PathBuf {
    std::env::var_os("BORNE_VM_BUSYBOX")
        .map_or_else(|| PathBuf::from("/bin/busybox"), PathBuf::from)
}

fn needs() -> Result<PathBuf, String> {
    let kernel = std::env::var_os("BORNE_VM_KERNEL")
        .map(PathBuf::from)
        .ok_or("BORNE_VM_KERNEL names no kernel image")?;
    for file in [
        kernel.as_path(),
        busybox().as_path(),
        Path::new("/usr/bin/qemu-system-x86_64"),
        Path::new("/usr/bin/cpio"),
        &Path::new(FONTS).join("Uni2-TerminusBold32x16.psf.gz"),
    ] {
        if !file.exists() {
            return Err(format!("{} is missing", file.display()));
        }
    }
    Ok(kernel)
}

/// Copies `from` to `root`/`to`, its directory made.
fn put(root: &Path, from: &Path, to: &str) {
    let to = root.join(to.trim_start_matches('/'));
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(from, &to).unwrap();
}

/// The machine's whole file system: busybox, the kiosk and its libraries, two kiosk
/// configurations (the console's font doubled; `large_font` named), two Debian fonts.
fn initramfs(dir: &Path) -> PathBuf {
    let root = dir.join("root");
    put(&root, &busybox(), "/bin/busybox");
    for applet in [
        "sh", "mount", "stty", "sleep", "kill", "setsid", "cat", "grep", "sed", "poweroff", "echo",
    ] {
        std::os::unix::fs::symlink("busybox", root.join("bin").join(applet)).unwrap();
    }
    let kiosk = Path::new(env!("CARGO_BIN_EXE_borne"));
    put(&root, kiosk, "/borne");
    let ldd = Command::new("ldd").arg(kiosk).output().unwrap();
    for lib in String::from_utf8_lossy(&ldd.stdout)
        .split_whitespace()
        .filter(|w| w.starts_with('/'))
    {
        put(&root, Path::new(lib), lib);
    }
    let font = "Uni2-TerminusBold32x16.psf.gz";
    put(
        &root,
        &Path::new(FONTS).join(font),
        &format!("/fonts/{font}"),
    );
    let large = [("large_text = false", "large_text = true")];
    let doubled = pty::config_copy(&dir.join("doubled"), &large);
    let named = pty::config_copy(
        &dir.join("named"),
        &[(
            "large_text = false",
            "large_text = true\nlarge_font = \"/fonts/Uni2-TerminusBold32x16.psf.gz\"",
        )],
    );
    for (config, name) in [(doubled, "doubled"), (named, "named")] {
        // No lieux to import: an emulated machine is slow, and large text needs none.
        std::fs::remove_dir_all(config.join("lieux")).unwrap();
        std::fs::remove_file(config.join("communes.csv")).unwrap();
        let status = Command::new("cp")
            .arg("-r")
            .arg(&config)
            .arg(root.join(name))
            .status()
            .unwrap();
        assert!(status.success());
    }
    std::fs::write(root.join("init"), INIT).unwrap();
    let status = Command::new("chmod")
        .args(["755", root.join("init").to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    let image = dir.join("initrd.gz");
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "cd '{}' && find . | cpio -o -H newc --quiet | gzip -1 > '{}'",
            root.display(),
            image.display()
        ))
        .status()
        .unwrap();
    assert!(status.success());
    image
}

/// The machine's first process: each case starts the kiosk on the console, waits for its
/// word on large text in the log, reads the grid, stops the kiosk with a signal and reads
/// the grid again. The last case starts on Terminus 16×32, left by the one before.
const INIT: &str = r#"#!/bin/sh
export PATH=/bin TERM=linux BORNE_NOW=2026-03-02T10:15:00
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mkdir -p /tmp
size() { stty -F /dev/tty1 size; }
run() {
    before=$(size)
    setsid -c sh -c "exec /borne --config /$2 --db /tmp/$1.db </dev/tty1 >/dev/tty1 2>/tmp/$1.log" &
    pid=$!
    n=0
    while ! grep -q 'large text' /tmp/$1.log 2>/dev/null && [ $n -lt 300 ]; do
        sleep 0.2; n=$((n+1))
    done
    sleep 2
    during=$(size)
    kill -$3 $pid
    n=0
    while kill -0 $pid 2>/dev/null && [ $n -lt 50 ]; do sleep 0.2; n=$((n+1)); done
    sleep 1
    after=$(size)
    echo "RESULT $1 before=$before during=$during after=$after"
    grep 'large text' /tmp/$1.log | sed "s/^/LOG $1 /"
}
run doubled doubled TERM
run named named HUP
run killed named KILL
run tall doubled TERM
echo DONE
poweroff -f
"#;

/// "rows cols" as `stty size` says, for a case.
fn grid(output: &str, case: &str, when: &str) -> (u32, u32) {
    let line = output
        .lines()
        .find(|l| l.starts_with(&format!("RESULT {case} ")))
        .unwrap_or_else(|| panic!("no result for {case}:\n{output}"));
    let field = line
        .split(&format!("{when}="))
        .nth(1)
        .unwrap()
        .split(|c: char| c.is_alphabetic())
        .next()
        .unwrap()
        .trim();
    let mut numbers = field.split_whitespace().map(|n| n.parse::<u32>().unwrap());
    (numbers.next().unwrap(), numbers.next().unwrap())
}

#[test]
fn the_console_shows_a_font_twice_as_large_and_gets_its_own_back_on_sigterm_and_sighup() {
    let kernel = match needs() {
        Ok(kernel) => kernel,
        Err(why) => {
            eprintln!("skipped: {why} (see this file's header)");
            return;
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let image = initramfs(dir.path());
    // 1024×768 by VESA: the kernel's own 8×16 font gives 128×48.
    let mut machine = Command::new("qemu-system-x86_64")
        .args(["-m", "512", "-display", "none", "-vga", "std"])
        .args(["-serial", "stdio", "-no-reboot", "-kernel"])
        .arg(&kernel)
        .arg("-initrd")
        .arg(&image)
        .args(["-append", "console=ttyS0 vga=0x318 panic=-1 quiet"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The machine powers off when its cases are done; a hung one is stopped.
    let pid = machine.id();
    let (done, waited) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        if waited
            .recv_timeout(std::time::Duration::from_secs(600))
            .is_err()
        {
            let _ = Command::new("kill").arg(pid.to_string()).status();
        }
    });
    let mut output = String::new();
    std::io::Read::read_to_string(&mut machine.stdout.take().unwrap(), &mut output).unwrap();
    let _ = machine.wait();
    let _ = done.send(());
    assert!(output.contains("DONE"), "{output}");
    eprintln!(
        "{}",
        output
            .lines()
            .filter(|l| l.starts_with("RESULT") || l.starts_with("LOG"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The console's 8×16 font doubled: half the columns and half the lines, then the font
    // found again after SIGTERM.
    assert_eq!(grid(&output, "doubled", "before"), (48, 128));
    assert_eq!(grid(&output, "doubled", "during"), (24, 64));
    assert_eq!(grid(&output, "doubled", "after"), (48, 128));
    // [display] large_font (Terminus 16×32, with its Unicode map), and back after SIGHUP.
    assert_eq!(grid(&output, "named", "during"), (24, 64));
    assert_eq!(grid(&output, "named", "after"), (48, 128));
    // SIGKILL cannot be caught: the large font stays (the service's ExecStartPre sets the
    // help point's font again at the next start). Here it leaves Terminus 16×32 on.
    assert_eq!(grid(&output, "killed", "during"), (24, 64));
    assert_eq!(grid(&output, "killed", "after"), (24, 64));
    // Terminus 16×32 doubled is 32×64: Linux 6.2 takes it (64 columns would be 32, 24 lines
    // 12); an older kernel refuses it, the kiosk says so and keeps the console's font.
    let tall = grid(&output, "tall", "during");
    assert_eq!(grid(&output, "tall", "before"), (24, 64));
    assert_eq!(grid(&output, "tall", "after"), (24, 64));
    assert!(
        tall == (12, 32)
            || (tall == (24, 64) && output.contains("LOG tall") && output.contains("6.2")),
        "{output}"
    );
}

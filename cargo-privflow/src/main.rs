//! `cargo-privflow`: run as `cargo privflow ...` (cargo passes `privflow` as the first argument)
//! or directly as `cargo-privflow ...`. Everything happens in [`privflow::cli::run`].

fn main() {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = privflow::cli::run(std::env::args_os(), &mut stdout.lock(), &mut stderr.lock());
    std::process::exit(code);
}

//! `cargo-privflow`: run as `cargo privflow ...` (cargo passes `privflow` as the first argument)
//! or directly as `cargo-privflow ...`. Everything happens in [`privflow::cli::run`].

// The analysis allocates and frees many small values (environments, tag sets, IR nodes) on two
// threads; mimalloc halves what glibc's malloc costs there (measured on rust-analyzer's sources).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = privflow::cli::run(std::env::args_os(), &mut stdout.lock(), &mut stderr.lock());
    std::process::exit(code);
}

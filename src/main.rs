fn main() -> std::process::ExitCode {
    borne::cli::main()
}

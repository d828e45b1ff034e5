"""The benchmark harness behind bench/run: experiments (TOML) -> builds -> runs -> statistics
-> results directory (raw JSON/CSV, machine, tables, plots) -> RESULTS.md.

One module per step: experiments, deps, build, machine, runner, stats, results, tables,
plots, report. Standard library only (Python 3.11+: tomllib)."""

# Sourced by tests/run and bench/run's shell helpers: make sure the Debian packages the
# build needs are installed. As root, install what is missing; otherwise print the exact
# command and fail.
ftpy_packages="cmake ninja-build gcc pkg-config ccache libjemalloc-dev libck-dev libcriterion-dev zlib1g-dev libssl-dev"

ftpy_install_deps() {
    missing=""
    for p in $ftpy_packages "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ]; then
        echo "Installing:$missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq $missing >/dev/null || {
            echo "apt-get install$missing failed" >&2; return 1; }
    else
        echo "Missing packages. Run as root:  apt-get install$missing" >&2
        return 1
    fi
}

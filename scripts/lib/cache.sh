# Sourced by the scripts that install into the cache outside the repository (real n8n releases and
# the Node they run on): where the cache is, how they report, and the lock that lets two commands
# started together on a cold machine share one install instead of wiping each other's.

cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-suvvy"

# `[step …]` lines drive the progress line dev/harness/installProgress.js draws; every other line a
# script writes to stderr is shown as it is.
step() { printf '[step %s] %s\n' "$1" "$2" >&2; }

# Holds "$cache_root/<name>.lock" until the calling script exits (flock, from util-linux, releases it
# even when the script is killed). A second caller says what it waits for, then waits.
lock_install() {
	local name="$1" what="$2"
	mkdir -p "$cache_root"
	exec {install_lock}>"$cache_root/${name}.lock"
	if ! flock -n "$install_lock"; then
		echo "Another command is installing ${what} into ${cache_root}/${name}; waiting for it to finish ..." >&2
		flock "$install_lock"
	fi
}

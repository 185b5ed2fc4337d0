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

# Runs an npm command ("$@") with its output shown as it comes (on stderr, whose lines the callers
# show the user); when it fails, adds one line naming what could not be fetched, read from that
# output by npmFailure.js ("<what> failed: the registry has no …"), and returns npm's status.
# $2, when set, is the lock file npm installs from: it names the package behind a checksum.
npm_explained() {
	local what="$1" lock_file="$2" output status=0
	shift 2
	output="$(mktemp)"
	"$@" 2>&1 | tee "$output" >&2 || status=${PIPESTATUS[0]}
	if ((status != 0)); then
		node "$(dirname "${BASH_SOURCE[0]}")/npmFailure.js" "$what" "$output" "$lock_file" >&2 || true
	fi
	rm -f "$output"
	return "$status"
}

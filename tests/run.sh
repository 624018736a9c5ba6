#!/usr/bin/env bash
# Runs every test of the solution: `bash tests/run.sh` (the README's test command; CI's .ci/run calls it too).
#  1. Installs the system packages the tests need when they are missing: Debian's Chromium for the browser
#     test, PostgreSQL for the PostgreSQL tests (they start their own throwaway server with initdb/pg_ctl), nginx for
#     the two-instance tests, API and browser (they run their own nginx on loopback with a configuration they
#     write), slapd and ldap-utils for the directory sign-in tests (they start their own throwaway slapd on a free
#     port), and python3-aiosmtpd, the SMTP server the e-mail tests start. Then `npm ci` of
#     tests/LicenseAllocation.Testing/OidcProvider (the oidc-provider package the OpenID Connect sign-in tests run
#     with Node.js) when its node_modules is missing.
#  2. Runs `dotnet test LicenseAllocation.sln`, with a TRX report per test assembly.
#  3. Runs the write-path benchmark in its short mode (raw SQL against the portal over HTTP, SQLite and PostgreSQL):
#     as built by `dotnet test` (Debug): it counts as one failed test unless it produced figures for both; how
#     fast they are is not judged (docs/benchmarks.md holds the Release figures).
#  4. Ends with one line, "N passed, N failed, N skipped", summed over all test assemblies. Exits non-zero when the
#     build or a test failed, or when no test ran.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DEBIAN_FRONTEND=noninteractive
export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="${CI_RESULTS_DIR:-$PWD/TestResults/ci}"
test_timeout="${CI_TEST_TIMEOUT:-25m}"

say() { echo "[ci] $*"; }

install_missing_packages() {
    local packages=()
    if [ ! -x "${E2E_CHROMIUM:-/usr/bin/chromium}" ]; then
        packages+=(chromium)
    fi
    if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
        packages+=(postgresql)
    fi
    if [ ! -x /usr/sbin/nginx ]; then
        packages+=(nginx)
    fi
    if [ ! -x /usr/sbin/slapd ] || [ ! -x /usr/sbin/slapadd ]; then
        packages+=(slapd)
    fi
    if ! command -v ldapwhoami >/dev/null; then
        packages+=(ldap-utils)
    fi
    # The e-mail tests start Debian's aiosmtpd (python3 -m aiosmtpd) as their SMTP server.
    if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
        packages+=(python3-aiosmtpd)
    fi
    if [ "${#packages[@]}" -eq 0 ]; then
        say "chromium, postgresql, nginx, slapd and python3-aiosmtpd are already installed"
        return 0
    fi

    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        sudo=(sudo -n)
    fi
    say "installing ${packages[*]}"
    "${sudo[@]}" apt-get update -q &&
        "${sudo[@]}" apt-get install -y -q --no-install-recommends "${packages[@]}" </dev/null
}

# Reads one attribute of the <Counters .../> element of a TRX file; 0 when absent.
counter() {
    local value
    value=$(grep -o '<Counters [^>]*>' "$1" | head -n 1 | sed -n "s/.* $2=\"\([0-9][0-9]*\)\".*/\1/p")
    echo "${value:-0}"
}

# Names the failed tests and the first line of each message, so the end of the log says what broke.
list_failures() {
    command -v python3 >/dev/null || return 0
    python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
for path in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    for element in ET.parse(path).iter():
        if not element.tag.endswith("UnitTestResult") or element.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"):
            continue
        message = next((m.text or "" for m in element.iter() if m.tag.endswith("Message")), "").strip()
        first = message.splitlines()[0][:300] if message else ""
        print(f"[ci] FAILED {element.get('testName')}: {first}")
PY
}

if ! install_missing_packages; then
    say "could not install the packages the tests need"
    echo "0 passed, 0 failed"
    exit 1
fi

# The OpenID Connect sign-in tests run oidc-provider (pinned in package-lock.json) with Node.js on loopback.
oidc_provider="tests/LicenseAllocation.Testing/OidcProvider"
if [ ! -d "$oidc_provider/node_modules/oidc-provider" ]; then
    say "installing $oidc_provider (npm ci)"
    if ! command -v npm >/dev/null || ! (cd "$oidc_provider" && npm ci --no-audit --no-fund </dev/null); then
        say "could not install the OpenID Connect provider the tests need (Node.js 20 and npm are required)"
        echo "0 passed, 0 failed"
        exit 1
    fi
fi

rm -rf "$results"
mkdir -p "$results"

started=$SECONDS
# Two test assemblies at a time: the browser and race tests keep their timing on a two-core machine.
# Exit code 8 is "zero tests ran" in one assembly: a test project that has no tests yet is not a failure of the run.
# The summary below still fails the run when no test ran at all.
timeout --kill-after=1m "$test_timeout" \
    dotnet test LicenseAllocation.sln \
    --results-directory "$results" --report-xunit-trx \
    --max-parallel-test-modules "${TEST_MODULES_IN_PARALLEL:-2}" \
    --ignore-exit-code 8 </dev/null
status=$?
say "dotnet test exited with $status after $((SECONDS - started)) s"
if [ "$status" -eq 124 ]; then
    say "dotnet test was stopped after $test_timeout"
fi

passed=0
failed=0
skipped=0
reports=0
for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    reports=$((reports + 1))
    passed=$((passed + $(counter "$trx" passed)))
    failed=$((failed + $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted)))
    skipped=$((skipped + $(counter "$trx" notExecuted)))
done
say "$reports test report(s) in $results"
list_failures

if [ "$status" -ne 124 ]; then
    say "write-path benchmark, short mode"
    if timeout --kill-after=30s 8m dotnet run --project bench/LicenseAllocation.Benchmarks -- --write-path --short </dev/null >"$results/write-path.md" 2>&1; then
        grep '^| ' "$results/write-path.md" || true
        passed=$((passed + 1))
    else
        say "FAILED write-path benchmark: no figures (see $results/write-path.md)"
        tail -n 20 "$results/write-path.md" || true
        failed=$((failed + 1))
    fi
fi

echo "$passed passed, $failed failed, $skipped skipped"

if [ "$status" -ne 0 ] || [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
    exit 1
fi
exit 0

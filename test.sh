#!/usr/bin/env bash
# The one test command: installs, idempotently, what the tests need beyond the .NET SDK, then runs every test.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: chromium for the browser tests, node + npm for the S3 stand-in (s3rver).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
# PostgreSQL server binaries for the PostgreSQL and cluster tests. The tests run their own throwaway cluster on
# 127.0.0.1 (ExecReports.Tests/Support/PostgresFixture.cs); Debian's own service is neither needed nor started.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
# dovecot for the IMAP feedback tests: they start their own throwaway server on 127.0.0.1 (Support/DovecotFixture.cs).
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  as_root apt-get update -qq
  # A policy-rc.d that answers 101 keeps the postgresql and dovecot packages from starting their Debian services.
  policy_added=
  if [[ " ${missing[*]} " == *" postgresql "* || " ${missing[*]} " == *" dovecot-imapd "* ]] && [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null && as_root chmod +x /usr/sbin/policy-rc.d && policy_added=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ -z "$policy_added" ] || as_root rm -f /usr/sbin/policy-rc.d
fi

# s3rver for the S3 archive tests, kept out of the repo root (no package.json there); /.tools/ is git-ignored.
if [ ! -d .tools/s3rver/node_modules/s3rver ]; then
  echo "test.sh: installing s3rver@3.7.1 into .tools/s3rver"
  mkdir -p .tools/s3rver
  npm install --prefix .tools/s3rver --no-audit --no-fund --loglevel=error s3rver@3.7.1 >/dev/null
fi
export EXECREPORTS_S3RVER_DIR="$PWD/.tools/s3rver"

# axe-core for the accessibility browser tests (injected into each page), likewise under .tools/.
if [ ! -f .tools/axe/node_modules/axe-core/axe.min.js ]; then
  echo "test.sh: installing axe-core@4.14.1 into .tools/axe"
  mkdir -p .tools/axe
  npm install --prefix .tools/axe --no-audit --no-fund --loglevel=error axe-core@4.14.1 >/dev/null
fi
export EXECREPORTS_AXE_DIR="$PWD/.tools/axe"

dotnet build ExecReports.sln -c Release -nologo -v q
set +e
dotnet test ExecReports.sln -c Release --no-build --nologo "$@" 2>&1 | tee /tmp/execreports-test.log
status=${PIPESTATUS[0]}
set -e

# One plain closing line that any CI reader understands.
summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' /tmp/execreports-test.log | tail -1 || true)
if [ -n "$summary" ]; then
  failed=$(sed -E 's/Failed: +([0-9]+).*/\1/' <<<"$summary")
  passed=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")
  skipped=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$summary")
  echo "tests: $passed passed, $failed failed, $skipped skipped"
fi
exit "$status"

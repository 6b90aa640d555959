#!/usr/bin/env bash
# Runs one of Debian's Jena 4.5 command-line classes with the classpath and fix that scripts/install-engines.sh prepared.
#
# Usage: scripts/jena.sh CLASS ARGS...
#   scripts/jena.sh riotcmd.riot --validate F...          (exits 1 on warnings too, e.g. an ill-typed literal)
#   scripts/jena.sh riotcmd.riot --out=nq F...
#   scripts/jena.sh arq.sparql --data F... --query Q --results=json
#   scripts/jena.sh shacl.shacl validate --shapes S --data D
#   scripts/jena.sh tdb2.tdbloader --loc DIR F...
#   scripts/jena.sh tdb2.tdbquery --loc DIR 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'
# Environment: JENA_JAVA_OPTS replaces the JVM options (the default favours a fast start over long runs: set
# e.g. JENA_JAVA_OPTS=-Xmx8g for a large load); JENA_CDS=off ignores the class-data-sharing archive.
# Log messages (RIOT's warnings among them) go to stderr through slf4j-simple.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
classpath_file="$root/.interop/jena.classpath"

if [ $# -lt 1 ]; then
  echo 'usage: scripts/jena.sh CLASS ARGS...   (e.g. riotcmd.riot, arq.sparql, shacl.shacl, tdb2.tdbloader, tdb2.tdbquery)' >&2
  exit 2
fi
if [ ! -s "$classpath_file" ] || [ ! -d "$root/.interop/jena-fix" ]; then
  echo "jena.sh: Jena is not prepared ($classpath_file is missing): run scripts/install-engines.sh" >&2
  exit 127
fi

read -r -a options <<<"${JENA_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
if [ "${JENA_CDS:-on}" != off ] && [ -f "$root/.interop/jena.jsa" ]; then
  # Used when it matches this JVM and classpath; otherwise the JVM runs without it (silently: -Xlog:cds=off).
  options+=("-XX:SharedArchiveFile=$root/.interop/jena.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
exec java "${options[@]}" -cp "$(cat "$classpath_file"):$root/.interop/jena-fix" "$@"

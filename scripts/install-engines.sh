#!/usr/bin/env bash
# Installs the independent RDF engines of `npm run test:interop` from Debian's packages and prepares Jena (idempotent).
#
# Usage: bash scripts/install-engines.sh      (as root, or with sudo on the PATH; a second run takes about a second)
#
# Installs only what is missing (`apt-get update` runs only then), then, for Debian's Jena 4.5 (which ships jars
# but no `riot`/`arq`/... scripts):
#   .interop/jena.classpath  the Jena jars and their Debian dependency jars (from `dpkg -L`), one classpath line;
#   .interop/jena-fix/       the Xerces message bundles that Debian's jena-core.jar misplaces (see below);
#   .interop/jena.jsa        a class-data-sharing archive, so that each JVM starts in about 1 s instead of 2 s.
# Run a Jena command with scripts/jena.sh CLASS ARGS... (e.g. scripts/jena.sh riotcmd.riot --validate F).
set -euo pipefail
cd "$(dirname "$0")/.."

# ---- Debian packages: other engines append theirs here (one array, one place) ----
PACKAGES=(
  default-jre-headless   # java for Jena (libapache-jena-java does not depend on a runtime)
  libapache-jena-java    # Jena 4.5: RIOT, ARQ, SHACL, TDB2
  raptor2-utils          # rapper
  python3-rdflib         # rdflib 6.1, for /usr/bin/python3
  virtuoso-opensource-7  # Virtuoso 7.2.5, the store of `kg push` tests (scripts/virtuoso.sh runs a throw-away one)
)
# ---- end of the package list ----

SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi

installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = 'install ok installed' ]; }

missing=()
for p in "${PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-engines: installing ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  if printf '%s\n' "${missing[@]}" | grep -qx virtuoso-opensource-7; then
    # Virtuoso's package asks for a DBA password: preseed one (random, never used: scripts/virtuoso.sh starts its
    # own server with its own database), and keep the package from starting its server on every interface.
    pw="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
    printf 'virtuoso-opensource-7 virtuoso-opensource-7/%s password %s\n' dba-password "$pw" dba-password-again "$pw" |
      "${SUDO[@]}" debconf-set-selections
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee /usr/sbin/policy-rc.d >/dev/null
      "${SUDO[@]}" chmod 755 /usr/sbin/policy-rc.d
      made_policy=1
    fi
  fi
  status=0
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || status=$?
  if [ -n "${made_policy:-}" ]; then "${SUDO[@]}" rm -f /usr/sbin/policy-rc.d; fi
  [ "$status" -eq 0 ] || exit "$status"
fi

# ---- Jena: classpath, message-bundle fix, class-data-sharing archive (skipped when already done) ----
OUT=.interop
prepare_jena() {
mkdir -p "$OUT"
stamp="jena $(dpkg-query -W -f='${Version}' libapache-jena-java); $(java -version 2>&1 | head -n 1); fix 2"
if [ -f "$OUT/jena.stamp" ] && [ "$(cat "$OUT/jena.stamp")" = "$stamp" ] && [ -s "$OUT/jena.classpath" ] && [ -d "$OUT/jena-fix/xerces" ]; then
  echo "install-engines: Jena ready (${stamp})"
  return 0
fi
rm -f "$OUT/jena.stamp" "$OUT/jena.jsa"

# The jars: every jar under /usr/share/java of libapache-jena-java and of the Java packages it depends on,
# recursively, each once (the versioned and unversioned names are links to one file). Left out: the SLF4J
# bindings and bridges that clash with one another (SLF4J stops the JVM when it finds log4j-over-slf4j next to
# slf4j-log4j12); slf4j-simple is the one binding kept, so that RIOT's warnings reach stderr.
java_packages=$(apt-cache depends --recurse --installed --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances libapache-jena-java | grep -v '^ ' | grep -- '-java$' | sort -u)
jars=$(for p in $java_packages; do dpkg -L "$p"; done | grep -E '^/usr/share/java/[^/]+\.jar$' | xargs -r readlink -f | sort -u |
  grep -v -E '/(slf4j-(jcl|jdk14|log4j12|migrator|nop)|log4j-over-slf4j|jul-to-slf4j|jcl-over-slf4j)(-[0-9.]+)?\.jar$')
for needed in jena-core jena-arq jena-cmds jena-shacl jena-tdb2 slf4j-api slf4j-simple; do
  grep -q -E "/${needed}(-[0-9.]+)?\.jar$" <<<"$jars" || { echo "install-engines: no ${needed} jar found" >&2; exit 1; }
done
tr '\n' ':' <<<"$jars" | sed 's/:$//' >"$OUT/jena.classpath.tmp"
mv "$OUT/jena.classpath.tmp" "$OUT/jena.classpath"

# The fix. Debian's jena-core.jar relocates Jena's copy of Xerces to the package `xerces.*`, but keeps its
# message bundles under org/apache/jena/ext/xerces/ (impl/msg/*Messages.properties,
# impl/xpath/regex/message*.properties). The classes look their bundles up next to themselves
# (`xerces.impl.msg.XMLSchemaMessages`, `xerces.impl.xpath.regex.message`), do not find them, and the first
# use of XSD datatypes dies with `ExceptionInInitializerError ... RuntimeException: internal error`: every
# Jena command fails at start. Copying the bundles to where the classes look (org/apache/jena/ext/xerces/X
# to xerces/X) in a folder on the classpath fixes it.
core=$(grep -E '/jena-core(-[0-9.]+)?\.jar$' <<<"$jars" | head -n 1)
rm -rf "$OUT/jena-fix" "$OUT/jena-fix.tmp"
mkdir -p "$OUT/jena-fix.tmp"
/usr/bin/python3 - "$core" "$OUT/jena-fix.tmp" <<'EOF'
import os, sys, zipfile
jar, dest = sys.argv[1], sys.argv[2]
prefix = 'org/apache/jena/ext/'
n = 0
with zipfile.ZipFile(jar) as z:
    for name in z.namelist():
        if name.startswith(prefix + 'xerces/') and name.endswith('.properties'):
            target = os.path.join(dest, name[len(prefix):])
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, 'wb') as f:
                f.write(z.read(name))
            n += 1
if n == 0:
    sys.exit(f'install-engines: no Xerces message bundles under {prefix}xerces/ in {jar}')
EOF
mv "$OUT/jena-fix.tmp" "$OUT/jena-fix"

# A smoke test (which also records the classes a Jena command loads into a class-data-sharing archive): RIOT
# must start, read a typed literal, and warn about an ill-typed one.
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
printf '<http://example.org/s> <http://example.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n' >"$smoke/good.nt"
printf '<http://example.org/s> <http://example.org/p> "x"^^<http://www.w3.org/2001/XMLSchema#integer> .\n' >"$smoke/bad.nt"
JENA_CDS=off bash scripts/jena.sh riotcmd.riot --validate "$smoke/good.nt" >"$smoke/out" 2>&1 ||
  { cat "$smoke/out" >&2; echo 'install-engines: Jena does not start (see above)' >&2; exit 1; }
if JENA_CDS=off bash scripts/jena.sh riotcmd.riot --validate "$smoke/bad.nt" >"$smoke/out" 2>&1 || ! grep -q 'not valid for datatype' "$smoke/out"; then
  cat "$smoke/out" >&2; echo 'install-engines: Jena does not check datatypes (see above)' >&2; exit 1
fi
JENA_CDS=off JENA_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ArchiveClassesAtExit=$OUT/jena.jsa -Xlog:disable" \
  bash scripts/jena.sh arq.sparql --data "$smoke/good.nt" --results=json 'SELECT * { ?s ?p ?o }' >/dev/null 2>&1 ||
  rm -f "$OUT/jena.jsa" # only slower without it

echo "$stamp" >"$OUT/jena.stamp"
echo "install-engines: Jena prepared (${stamp})"
}
prepare_jena

# ---- The other engines answer ----
rapper --version >/dev/null
/usr/bin/python3 -c 'import rdflib' || { echo 'install-engines: rdflib does not import in /usr/bin/python3' >&2; exit 1; }

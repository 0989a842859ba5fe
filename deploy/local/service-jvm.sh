# shellcheck shell=bash
# How a Feedback360 service's JVM runs on this machine kind: sourced by deploy/local/platform, which
# starts the services, and by the benchmarks (deploy/bench), so that they measure the services as
# the platform runs them.
#
# - SerialGC: a 256 MB heap on two cores gains nothing from G1's threads and remembered sets, which
#   cost start-up time and resident memory; it is also what the JVM picks by itself in a container
#   of less than two CPUs.
# - -Xms32m: the heap starts small (but the gateway's, below) and grows with what is live (about
#   35 MB for feedback-service under load) instead of taking all of -Xmx at once.
# - Min/MaxHeapFreeRatio 10/20 (as in Red Hat's OpenJDK container images): the heap is sized to what
#   is live, with 10–20% of it free after a collection, where the defaults (40/70) keep it as large
#   as the last burst made it. A cycle's opening of 2,000 subjects left feedback-service's heap at 67 MB
#   committed for 29 MB live, and that carried into its resident memory under load. Same
#   reproduction (fresh service, 10,000 people imported and a cycle opened, 150 s of submissions
#   from 32 raters, two runs against three): heap 54–55 MB against 67–83; resident at most 336–337 MB
#   against 349–358, 308–310 MB on average against 320–327. More collections (young and full
#   together 0.18 against 0.16 ms a submission, of about 3.3 ms of the service's CPU), no change in
#   the submission rate beyond this machine's noise.
# - The class-data archive (written by a training start, see the launcher's service_up) holds the
#   classes a start loads, already parsed and verified, mapped into the process (this JDK maps it at
#   a random address and relocates its pointers, so its pages are each process's own, not shared
#   between instances; see deploy/bench/README.md). It names the class path as it was given
#   (quarkus-run.jar, relative): start java from the quarkus-app directory. -Xshare:auto: an
#   archive that does not fit (another JVM build) is ignored with a warning.
# - TrimNativeHeapInterval (JDK 17.0.9 and later; left out on a JVM without it): every 5 s the JVM
#   hands glibc's freed memory back to the system, above all what the JIT compilers' arenas took
#   while the load was new (feedback-service after 150 s of closed-loop submissions: 312 MB most
#   resident with it, 334 MB without; 297 against 323 MB at the end).
# - MALLOC_ARENA_MAX (SERVICE_ENV, for the process's environment) keeps glibc from giving each busy
#   thread its own 64 MB arena.
# - The gateway starts with the whole 256 MB heap: it keeps about 10 MB live and allocates on every
#   request, and with a 32 MB starting heap it spent 21% more CPU per request at saturation
#   (deploy/bench/gateway, the same build in the same rounds: 78.8 against 65.2 µs; SerialGC with
#   the JVM's default starting heap against -Xms32m, 49.4 against 58.7 µs). Resident: 166 MB after
#   a start, 203 MB after 20 s at 15,000 requests/s; ready in 2.5–3.4 s, against 2.5 s.

SERVICE_ENV=(MALLOC_ARENA_MAX=2)

# The starting heap of each module that does not start at 32 MB (see above).
declare -A SERVICE_INITIAL_HEAP=([gateway]=256m)

# service_java_opts <module> <quarkus-app directory>: sets SERVICE_OPTS, plus SERVICE_JAVA_OPTS if
# set (e.g. a JFR recording). In the calling shell, so that java_has_option asks java once per run.
declare -a SERVICE_OPTS=()
service_java_opts() {
  SERVICE_OPTS=("-Xms${SERVICE_INITIAL_HEAP[$1]:-32m}" -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20
    -XX:+ExitOnOutOfMemoryError)
  if java_has_option -XX:TrimNativeHeapInterval=5000; then SERVICE_OPTS+=(-XX:TrimNativeHeapInterval=5000); fi
  [[ -f "$2/app-cds.jsa" ]] && SERVICE_OPTS+=(-XX:SharedArchiveFile=app-cds.jsa -Xshare:auto)
  # shellcheck disable=SC2206 # word splitting wanted: a list of options
  SERVICE_OPTS+=(${SERVICE_JAVA_OPTS:-})
}

# True if this machine's java accepts the option (asked once per option and run).
declare -A JAVA_OPTION_KNOWN=()
java_has_option() {
  if [[ -z "${JAVA_OPTION_KNOWN[$1]:-}" ]]; then
    if java "$1" -version >/dev/null 2>&1; then JAVA_OPTION_KNOWN[$1]=yes; else JAVA_OPTION_KNOWN[$1]=no; fi
  fi
  [[ "${JAVA_OPTION_KNOWN[$1]}" == yes ]]
}

#!/usr/bin/env bash
# CPU flame graphs of the isolated system's services (loadlab/scripts/system.sh up) while a load
# runs: loads async-profiler (tools.profiler:async-profiler from Maven Central) into each named
# service through `jcmd <pid> JVMTI.agent_load`, profiles for SECONDS and writes one HTML flame
# graph per service, plus a text list of the hottest frames (collapsed stacks, top 40).
#
#   loadlab/scripts/profile.sh SECONDS OUT_DIR [service ...]     (default: logic gw1 session)
#
# Start it while a scenario runs, e.g. loadlab/scripts/cpu.sh chat ... in another shell, or
#   (sleep 15; loadlab/scripts/profile.sh 20 /tmp/prof) & loadlab/scripts/cpu.sh chat ...
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NS=${LOADLAB_NS:-loadlab}
PIDS="$ROOT/loadlab/target/system-$NS/pids"
VERSION=${ASYNC_PROFILER_VERSION:-4.1}
[[ $# -ge 2 ]] || { sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2; }
seconds=$1
out=$2
shift 2
services=("$@")
((${#services[@]} > 0)) || services=(logic gw1 session)
mkdir -p "$out"
out="$(cd "$out" && pwd)"

lib="$ROOT/loadlab/target/async-profiler-$VERSION/linux-x64/libasyncProfiler.so"
if [[ ! -f $lib ]]; then
    jar="$HOME/.m2/repository/tools/profiler/async-profiler/$VERSION/async-profiler-$VERSION.jar"
    [[ -f $jar ]] || "$ROOT/mvnw" -B -q dependency:get -Dartifact="tools.profiler:async-profiler:$VERSION"
    mkdir -p "$(dirname "$(dirname "$lib")")"
    (cd "$(dirname "$(dirname "$lib")")" && unzip -o -q "$jar" 'linux-x64/*')
fi

# jcmd reads a=b words as its own named arguments: the agent's options go in double quotes
for s in "${services[@]}"; do
    pid="$(<"$PIDS/$s.pid")"
    jcmd "$pid" JVMTI.agent_load "$lib" '"start,event=cpu,interval=1ms"' >/dev/null
    echo "profile: $s (pid $pid) for $seconds s"
done
sleep "$seconds"
for s in "${services[@]}"; do
    pid="$(<"$PIDS/$s.pid")"
    jcmd "$pid" JVMTI.agent_load "$lib" "\"dump,collapsed,file=$out/$s.collapsed\"" >/dev/null
    jcmd "$pid" JVMTI.agent_load "$lib" "\"stop,file=$out/$s.html\"" >/dev/null
    # the hottest frames: by self time, and Parley's own methods by total (inclusive) time
    python3 - "$out/$s.collapsed" >"$out/$s.top.txt" <<'PY'
import collections, sys
self_t, total_t, n = collections.Counter(), collections.Counter(), 0
for line in open(sys.argv[1]):
    stack, _, count = line.rstrip().rpartition(" ")
    frames, c = stack.split(";"), int(count)
    n += c
    self_t[frames[-1]] += c
    for f in set(frames):
        total_t[f] += c
print(f"{n} samples (1 ms of CPU each)")
print("-- self")
for f, c in self_t.most_common(25):
    print(f"{100 * c / n:5.1f}%  {f}")
print("-- total, Parley's own frames and the main libraries' entry points")
keys = ("io/parley", "io.parley", "mariadb", "kafka/clients/producer/KafkaProducer.send",
        "KafkaConsumer.poll", "grpc", "lettuce", "netty/channel/nio/NioEventLoop.run",
        "opentelemetry", "micrometer", "logback", "jackson", "protobuf")
for f, c in total_t.most_common(400):
    if any(k in f for k in keys) and 100 * c / n >= 1:
        print(f"{100 * c / n:5.1f}%  {f}")
# Each sample to the first role its stack matches, with the kernel's share (a leaf frame ending
# in _[k]: system calls, wake-ups, context switches) and, for kernel samples, the system call.
roles = (("kafka consumer poll", ("KafkaConsumer.poll",)),
         ("kafka consumer handler", ("EnvelopeConsumer", "PartitionAttempts")),
         ("kafka producer", ("kafka/clients/producer",)),
         ("lettuce (redis)", ("lettuce",)), ("grpc", ("io/grpc",)),
         ("netty event loop", ("SingleThreadIoEventLoop", "NioEventLoop", "EpollEventLoop")),
         ("jit", ("Compile", "C2Compiler")), ("gc", ("GC", "DefNew", "VMThread")))
by_role, kernel_role, calls = collections.Counter(), collections.Counter(), collections.Counter()
for line in open(sys.argv[1]):
    stack, _, count = line.rstrip().rpartition(" ")
    frames, c = stack.split(";"), int(count)
    role = next((r for r, keys in roles if any(k in stack for k in keys)), "other")
    by_role[role] += c
    if frames[-1].endswith("_[k]"):
        kernel_role[role] += c
        call = next((f for f in frames if f.startswith("__x64_sys_")), "syscall or interrupt entry/exit")
        user = [f for f in frames if not f.endswith("_[k]")]
        calls[f"{call} <- {user[-1] if user else '?'}"] += c
print("-- by role (of it, kernel)")
for r, c in by_role.most_common():
    print(f"{100 * c / n:5.1f}%  {r}  ({100 * kernel_role[r] / n:.1f}%)")
print(f"-- kernel: {100 * sum(kernel_role.values()) / n:.1f}% of samples, by system call")
for k, c in calls.most_common(8):
    print(f"{100 * c / n:5.1f}%  {k}")
PY
    echo "profile: $out/$s.html ($s.top.txt)"
done

#!/bin/bash
# A real single-node Slurm cluster on this machine: installs slurm-wlm and munge when missing (as
# packaging/dev-setup.sh does), starts munged, slurmctld and slurmd with a generated slurm.conf
# under a temporary folder, renders a generated 120-frame clip as 3 shards with chromaflow-slurm
# (array job + dependent join job), cancels one array task mid-way and requeues it, and checks that
# the joined film is identical, frame for frame (framemd5), to a single-machine export. Stops the
# daemons it started.
#
#   slurm_cluster_test.sh CHROMAFLOW_CLI SLURM_SCRIPTS_DIR
# Exit 77 (ctest: skipped, with the reason printed) only when Slurm is missing and cannot be
# installed (not root and no sudo).
set -euo pipefail

cli=$(readlink -f "${1:?usage: $0 CHROMAFLOW_CLI SLURM_SCRIPTS_DIR}")
scripts=$(readlink -f "${2:?usage: $0 CHROMAFLOW_CLI SLURM_SCRIPTS_DIR}")
t0=$(date +%s)
say() { echo "[slurm-test $(($(date +%s) - t0))s] $*"; }

# --- Slurm and munge, installed like every other Debian package of the project -------------------
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null ||
  ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then as_root=(); elif sudo -n true 2>/dev/null; then as_root=(sudo -n);
  else
    echo "slurm-wlm and munge are not installed and this user cannot install them (not root, no" \
      "sudo): run 'packaging/dev-setup.sh deps' as root. Test skipped." >&2
    exit 77
  fi
  say "installing slurm-wlm and munge"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    slurm-wlm munge >/dev/null ||
    { "${as_root[@]}" apt-get update >/dev/null &&
      "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y \
        --no-install-recommends slurm-wlm munge >/dev/null; }
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "the single-node cluster runs slurmd, which needs root: run this test as root. Skipped." >&2
  exit 77
fi

tmp=$(mktemp -d /tmp/cf-slurm.XXXXXX)
pids=()
cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -f "$tmp/munged.pid" ]; then kill "$(cat "$tmp/munged.pid")" 2>/dev/null || true; fi
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  if [ $rc -ne 0 ]; then
    echo "--- logs (test failed with $rc) ---"
    tail -n 30 "$tmp"/*.log "$tmp"/work/*.log 2>/dev/null || true
  fi
  rm -rf "$tmp"
  exit $rc
}
trap cleanup EXIT

# --- munged ------------------------------------------------------------------------------------
dd if=/dev/urandom of="$tmp/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge.key"
munged --force --key-file="$tmp/munge.key" --socket="$tmp/munge.sock" \
  --pid-file="$tmp/munged.pid" --log-file="$tmp/munged.log" --seed-file="$tmp/munged.seed"
for _ in $(seq 1 50); do [ -S "$tmp/munge.sock" ] && break; sleep 0.1; done

# --- slurm.conf: one node, this machine; ports picked at random so a real cluster is not disturbed
host=$(hostname -s)
port=$((20000 + RANDOM % 20000))
mkdir -p "$tmp/state" "$tmp/spool"
cat >"$tmp/slurm.conf" <<CONF
ClusterName=cftest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$tmp/munge.sock
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
KillWait=2
MinJobAge=600
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=cftest Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$tmp/slurm.conf
slurmctld -D -i -f "$SLURM_CONF" >"$tmp/slurmctld.out.log" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$tmp/slurmd.out.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do
  sinfo -h -o %t 2>/dev/null | grep -q idle && break
  sleep 0.2
done
sinfo -h -o %t | grep -q idle || { echo "the node did not come up" >&2; exit 1; }
say "cluster up (slurmctld on port $port)"

# --- a 120-frame clip with sound: one cut near the first border (45), none near the second -------
clip=$tmp/clip.mkv
ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=160x96:rate=25 \
  -f lavfi -i mandelbrot=size=160x96:rate=25 -f lavfi -i sine=frequency=440:duration=4.8 \
  -filter_complex "[0:v]trim=end_frame=45,setpts=PTS-STARTPTS[a];[1:v]trim=end_frame=75,setpts=PTS-STARTPTS[b];[a][b]concat=n=2:v=1,format=yuv420p[v]" \
  -map '[v]' -map 2:a -c:v ffv1 -c:a flac "$clip"
opts="--working-height 128 --device cpu"
export OMP_NUM_THREADS=1 CHROMAFLOW_CLI=$cli
# shellcheck disable=SC2086
"$cli" colorize "$clip" "$tmp/single.mkv" --codec ffv1 --cache "$tmp/cache-single" $opts >/dev/null
say "single-machine export done"
"$cli" colorize "$clip" --plan 3 --cache "$tmp/cache-single"

# --- the array and the join --------------------------------------------------------------------
mkdir -p "$tmp/work"
submitted=$("$scripts/chromaflow-slurm" submit "$clip" "$tmp/film.mkv" --shards 3 \
  --workdir "$tmp/work" --cache "$tmp/work/cache" --colorize-opts "$opts")
echo "$submitted"
array=$(echo "$submitted" | sed -n 's/^array job \([0-9]*\).*/\1/p')
join=$(echo "$submitted" | sed -n 's/^join job \([0-9]*\).*/\1/p')
if [ -z "$array" ] || [ -z "$join" ]; then echo "chromaflow-slurm printed no job ids" >&2; exit 1; fi

# Cancel task 1 mid-way: once it has run a moment, before its shard exists.
shard1=$(printf '%s/work/shard-%05d-of-%05d.mkv' "$tmp" 1 3)
for _ in $(seq 1 600); do
  [ "$(squeue -h -j "${array}_1" -o %T 2>/dev/null)" = "RUNNING" ] && break
  sleep 0.1
done
sleep 2
[ ! -e "$shard1" ] || { echo "task 1 finished before it could be cancelled" >&2; exit 1; }
scancel "${array}_1"
for _ in $(seq 1 100); do
  [ -z "$(squeue -h -j "${array}_1" -t RUNNING,COMPLETING 2>/dev/null)" ] && break
  sleep 0.1
done
say "cancelled task ${array}_1 mid-way"
[ ! -e "$shard1" ] || { echo "a cancelled task left a shard behind" >&2; exit 1; }
"$scripts/chromaflow-slurm" requeue "$array" 1 --join "$join" --shards 3

# --- wait for the join -------------------------------------------------------------------------
state=""
for _ in $(seq 1 1200); do
  state=$(scontrol show job "$join" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
  case "$state" in COMPLETED | FAILED | CANCELLED | TIMEOUT | NODE_FAIL) break ;; esac
  sleep 0.2
done
say "join job $join: $state"
[ "$state" = "COMPLETED" ] || { cat "$tmp/work/join.log" >&2 || true; exit 1; }
grep -q "restart 1" "$tmp/work/shard-1.log" || { echo "task 1 did not run again" >&2; exit 1; }

# --- identical to the single-machine export ----------------------------------------------------
md5() { ffmpeg -hide_banner -loglevel error -i "$1" -map 0:v -f framemd5 - | grep -v '^#'; }
md5 "$tmp/single.mkv" >"$tmp/single.md5"
md5 "$tmp/film.mkv" >"$tmp/film.md5"
[ "$(wc -l <"$tmp/single.md5")" -eq 120 ] || { echo "the single export has not 120 frames" >&2; exit 1; }
if ! cmp -s "$tmp/single.md5" "$tmp/film.md5"; then
  echo "the joined film differs from the single-machine export:" >&2
  diff "$tmp/single.md5" "$tmp/film.md5" | head -20 >&2
  exit 1
fi
[ "$(ffprobe -v error -select_streams a:0 -show_entries stream=codec_name -of csv=p=0 \
  "$tmp/film.mkv")" = "flac" ] || { echo "the joined film has no audio" >&2; exit 1; }
say "joined film identical to the single-machine export (120 frames, framemd5); audio kept"

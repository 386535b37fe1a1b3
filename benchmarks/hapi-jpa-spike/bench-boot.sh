#!/bin/bash
# usage: ./bench-boot.sh <label> <xmx> [extra jvm args...]
# 3 cold runs (fresh H2 dir each) + 1 run against the existing data dir ("warm").
# The machine is shared: before each run wait (max 120 s) until the CPUs are >=80% idle over 3 s,
# and record user+sys CPU seconds of our JVM (contention-independent) next to wall time.
cd "$(dirname "$0")" && mkdir -p logs
label=$1; xmx=$2; shift 2
idle_pct() { read -r _ u n s i w x y z _ < /proc/stat; t1=$((u+n+s+i+w+x+y+z)); i1=$((i+w)); sleep 3
             read -r _ u n s i w x y z _ < /proc/stat; t2=$((u+n+s+i+w+x+y+z)); i2=$((i+w)); echo $(( 100*(i2-i1)/(t2-t1) )); }
for i in 1 2 3 warm; do
  [ "$i" != warm ] && rm -rf data
  for k in $(seq 40); do p=$(idle_pct); [ "$p" -ge 80 ] && break; done
  /usr/bin/time -f "TIME wall_s=%e user_s=%U sys_s=%S maxrss_kb=%M" -o logs/time-$label-$i.txt \
    java -Xmx$xmx "$@" -jar target/jpa-spike-0.0.1.jar boot > logs/boot-$label-$i.log 2>&1
  echo "$label run=$i idle_before=${p}% $(cat logs/time-$label-$i.txt) $(grep -h 'RESULT' logs/boot-$label-$i.log | tr '\n' ' ')"
done

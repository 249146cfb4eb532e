"""AMI client throughput and screen pop latency under a busy PBX's event stream.

    python benchmarks/ami_events.py --calls 3000 --pops 200

Every desk receives the call and queue events of the whole PBX (AMI sends a session every event
of the classes it asked for), so the client must keep up with all of them. The loopback simulator
plays *calls* complete queue calls for other agents (11 events each) while *pops* calls ring this
desk's interface; the desk's callback notes when each pop arrives.

The last line printed is one JSON object: events per second through the client (parse, map,
deliver) and the screen pop latency p50/p95/max in milliseconds from the simulator's emit, with the
pop p95 and the time per 1,000 events as ratios to a fixed Python loop timed in the same run
(benchmarks/calibration.py).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import calibration
from agentdesk_demo.simulators.ami_simulator import AmiSimulator

from agentdesk.channels.ami import AmiClient, AmiSettings
from agentdesk.channels.ami_events import CallAbandoned, CallEnded, IncomingCall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=3000, help="background calls for other agents")
    parser.add_argument("--pops", type=int, default=200, help="calls ringing this desk")
    args = parser.parse_args()

    sent: dict[str, float] = {}
    latencies: list[float] = []
    ended = 0
    lock = threading.Condition()

    def on_event(event) -> None:
        if isinstance(event, IncomingCall):
            with lock:
                latencies.append(time.perf_counter() - sent[event.unique_id])
                lock.notify_all()

    def on_statistics(event) -> None:
        nonlocal ended
        if isinstance(event, (CallEnded, CallAbandoned)):
            with lock:
                ended += 1
                lock.notify_all()

    with AmiSimulator({"desk": "bench"}) as sim:
        client = AmiClient(
            AmiSettings(port=sim.port, interface="PJSIP/agent1", ping_interval=60),
            "bench",
            on_event=on_event,
            on_statistics=on_statistics,
        )
        client.start()
        try:
            client.wait_connected(5)
            every = max(1, args.calls // max(1, args.pops))
            start = time.perf_counter()
            for i in range(args.calls):
                call = sim.emit_call(f"040{i:07d}", f"Soittaja {i}", "neuvonta", interface=f"PJSIP/agent{2 + i % 50}")
                call.answer(hold_seconds=5, ring_seconds=2)
                call.hang_up(talk_seconds=60)
                if i % every == 0 and len(sent) < args.pops:
                    uid = f"pop.{i}"
                    sent[uid] = time.perf_counter()
                    sim.emit_call(
                        "0401234567", "Virtanen Anna", "neuvonta", interface="PJSIP/agent1", uniqueid=uid
                    ).abandon()
            with lock:
                if not lock.wait_for(lambda: ended >= args.calls + len(sent) and len(latencies) == len(sent), 120):
                    print(
                        f"only {ended} of {args.calls + len(sent)} calls ended and {len(latencies)} of "
                        f"{len(sent)} pops arrived within 120 s",
                        file=sys.stderr,
                    )
                    return 1
            elapsed = time.perf_counter() - start
        finally:
            client.stop()
    # a completed call: Newchannel x2, QueueCallerJoin, DialBegin, AgentCalled, DialEnd, QueueCallerLeave,
    # AgentConnect, AgentComplete, Hangup x2 = 11; an abandoned one: 10 (QueueCallerAbandon, no connect)
    total_events = args.calls * 11 + len(sent) * 10
    ms = sorted(x * 1000 for x in latencies)
    result = {
        "calls": args.calls,
        "pops": len(sent),
        "seconds": round(elapsed, 2),
        "events": total_events,
        "events_per_second": round(total_events / elapsed),
        "pop_ms_p50": round(statistics.median(ms), 2) if ms else None,
        "pop_ms_p95": round(ms[int(0.95 * (len(ms) - 1))], 2) if ms else None,
        "pop_ms_max": round(ms[-1], 2) if ms else None,
    }
    result.update(
        calibration.calibrated(
            calibration.measure(),
            per_python_loop={"pop_p95": result["pop_ms_p95"], "thousand_events": 1e6 / result["events_per_second"]},
        )
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

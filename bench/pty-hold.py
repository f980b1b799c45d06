#!/usr/bin/env python3
"""Hold a key down in a program running in a pseudo-terminal and measure the longest pause in its output.

usage: pty-hold.py COLS ROWS READY OPEN OPENED KEY SECONDS [SETTLE] -- CMD ARGS...
  waits for READY on screen, sends OPEN (may be empty), waits for OPENED and SETTLE seconds (default
  0.5; 0 to start at once, while the program is still loading), then sends KEY every 33 ms
  (a keyboard's auto-repeat) for SECONDS; prints JSON: the longest and 95th-percentile gaps between
  output writes while the key is held, and how many keys and writes there were.
"""
import fcntl, json, os, pty, select, struct, sys, termios, time
from ptyutil import stop

cols, rows = int(sys.argv[1]), int(sys.argv[2])
ready, opener, opened, key, seconds = (a.encode() for a in sys.argv[3:7]) if False else (sys.argv[3].encode(), sys.argv[4].encode(), sys.argv[5].encode(), sys.argv[6].encode(), float(sys.argv[7]))
settle = float(sys.argv[8]) if sys.argv[8] != '--' else 0.5
cmd = sys.argv[sys.argv.index('--') + 1:]
env = dict(os.environ)
env.pop('CI', None)
env.setdefault('TERM', 'xterm-256color')
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(cmd[0], cmd, env)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))

def read_until(marker, timeout):
    buf = b''
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            buf += chunk
            if marker in buf:
                return True
    sys.stderr.write('did not see %r; last output %r\n' % (marker, buf[-300:]))
    return False

ok = read_until(ready, 120)
if ok and opener:
    os.write(fd, opener)
    ok = read_until(opened, 60)
if not ok:
    stop(pid, fd)
    sys.exit(1)
time.sleep(settle)
writes = []
keys = 0
start = time.perf_counter()
next_key = start
while time.perf_counter() < start + seconds:
    now = time.perf_counter()
    if now >= next_key:
        os.write(fd, key)
        keys += 1
        next_key += 0.033
    r, _, _ = select.select([fd], [], [], max(0, min(0.005, next_key - time.perf_counter())))
    if r:
        if os.read(fd, 1 << 20):
            writes.append(time.perf_counter())
stop(pid, fd)
points = [start] + writes + [start + seconds]
gaps = sorted((b - a) * 1000 for a, b in zip(points, points[1:]))
print(json.dumps({'max_gap_ms': round(gaps[-1], 1), 'p95_gap_ms': round(gaps[int(len(gaps) * 0.95) - 1], 1), 'keys': keys, 'writes': len(writes)}))

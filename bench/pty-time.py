#!/usr/bin/env python3
"""Time from launching a command in a pseudo-terminal to the first appearance of a marker on its output.

usage: pty-time.py COLS ROWS MARKER -- CMD ARGS...   prints seconds (float) on stdout, then ends the program.
"""
import fcntl, os, pty, select, struct, sys, termios, time
from ptyutil import stop

cols, rows, marker = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].encode()
cmd = sys.argv[sys.argv.index('--') + 1:]
env = dict(os.environ)
env.pop('CI', None)  # Ink prints only the last frame under CI
env.setdefault('TERM', 'xterm-256color')
start = time.perf_counter()
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(cmd[0], cmd, env)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
buf = b''
found = None
# A launch without the cache on 10,000 articles takes 14-20 s; PTY_DEADLINE_S gives more for larger corpora.
deadline = start + float(os.environ.get('PTY_DEADLINE_S', '90'))
while time.perf_counter() < deadline:
    r, _, _ = select.select([fd], [], [], 0.05)
    if not r:
        continue
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    buf += chunk
    if marker in buf:
        found = time.perf_counter() - start
        break
stop(pid, fd)
if found is None:
    sys.stderr.write('marker not seen; output was: %r\n' % buf[-500:])
    sys.exit(1)
print('%.4f' % found)

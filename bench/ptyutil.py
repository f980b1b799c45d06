"""Shared by the pseudo-terminal timing scripts."""
import os, select, signal, time


def stop(pid, fd):
    """End the program: SIGTERM, reading its output meanwhile (a program blocked writing to a full
    pseudo-terminal cannot exit), then SIGKILL if it has not ended within 5 s."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    until = time.perf_counter() + 5
    while time.perf_counter() < until:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                os.read(fd, 1 << 20)
            except OSError:
                pass
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)

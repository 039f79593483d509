import { readFileSync } from 'node:fs';

/** The resident memory of a process and of the processes it started (gateway workers), in bytes; 0 once gone. */
export function treeRss(pid: number): number {
  return rssOf(pid) + childrenOf(pid).reduce((sum, child) => sum + treeRss(child), 0);
}

/** The resident memory of each process of the tree, largest first, in bytes. */
export function processRss(pid: number): number[] {
  return [rssOf(pid), ...childrenOf(pid).flatMap(processRss)].sort((a, b) => b - a);
}

function rssOf(pid: number): number {
  try {
    const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return line ? Number(line[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The pids a process started (Linux /proc). */
export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Megabytes, for the report. */
export const megabytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface ProcessRss {
  pid: number;
  name: string;
  rssMb: number;
}

interface ProcessEntry {
  pid: number;
  ppid: number;
  name: string;
  rssKb: () => number;
}

// /proc on Linux (slim CI images have no `ps`); `ps` elsewhere.
function listProcesses(): ProcessEntry[] {
  if (!existsSync('/proc/self/stat')) {
    return execFileSync('ps', ['-A', '-o', 'pid=,ppid=,rss=,comm='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .map(([pid, ppid, rss, ...name]) => ({
        pid: Number(pid),
        ppid: Number(ppid),
        name: name.join(' '),
        rssKb: () => Number(rss),
      }));
  }
  const entries: ProcessEntry[] = [];
  for (const dir of readdirSync('/proc')) {
    if (!/^\d+$/.test(dir)) continue;
    try {
      // "pid (name) state ppid …": the name may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${dir}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      entries.push({
        pid: Number(dir),
        ppid: Number(stat.slice(close + 2).split(' ')[1]),
        name: stat.slice(stat.indexOf('(') + 1, close),
        rssKb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${dir}/status`, 'utf8'))?.[1] ?? 0),
      });
    } catch {
      // The process ended while we looked.
    }
  }
  return entries;
}

/** The resident memory of `root` and every process below it (threads count with their process). */
export function processTreeRss(root = process.pid): ProcessRss[] {
  const all = listProcesses();
  const inTree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
    }
  }
  const tree: ProcessRss[] = [];
  for (const p of all.filter(({ pid }) => inTree.has(pid))) {
    try {
      tree.push({ pid: p.pid, name: p.name, rssMb: Math.round(p.rssKb() / 1024) });
    } catch {
      // Ended between the listing and the read.
    }
  }
  return tree;
}

/** Total MB and a one-line breakdown, largest first: "1020 MB (node 610, esbuild 250, …)". */
export function describeRss(tree: ProcessRss[]): { totalMb: number; text: string } {
  const totalMb = tree.reduce((sum, p) => sum + p.rssMb, 0);
  const parts = [...tree].sort((a, b) => b.rssMb - a.rssMb).map((p) => `${p.name} ${p.rssMb}`);
  return { totalMb, text: `${totalMb} MB (${parts.join(', ')})` };
}

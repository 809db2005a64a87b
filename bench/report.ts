import { cpus } from 'node:os';

import { median, type Sample } from './measure';

/** The medians of one case at one connection count. */
export interface Row {
  caseName: string;
  connections: number;
  sample: Sample;
}

/** Per process: start-up and memory after load. */
export interface ProcessFacts {
  name: string;
  startMs: number;
  rssMiB: number;
}

/** Takes the median of every field over the rounds. */
export function summarize(samples: Sample[]): Sample {
  const pick = (field: keyof Sample) => median(samples.map((sample) => sample[field]));
  return {
    requestsPerSecond: pick('requestsPerSecond'),
    p50Ms: pick('p50Ms'),
    p99Ms: pick('p99Ms'),
    errors: samples.reduce((sum, sample) => sum + sample.errors, 0),
    non2xx: samples.reduce((sum, sample) => sum + sample.non2xx, 0),
    cores: pick('cores'),
  };
}

/** Describes the machine and runtime of the run. */
export function describeMachine(): string {
  const cpu = cpus();
  return `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${process.platform} ${process.arch}`;
}

/** Formats the load rows as a Markdown table. */
export function formatLoadTable(rows: Row[]): string {
  const lines = [
    '| case | connections | req/s | p50 ms | p99 ms | errors | non-2xx | CPU cores | CPU µs/request |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { caseName, connections, sample } of rows) {
    lines.push(
      `| ${caseName} | ${connections} | ${Math.round(sample.requestsPerSecond)} | ${sample.p50Ms} | ${sample.p99Ms} | ${sample.errors} | ${sample.non2xx} | ${sample.cores.toFixed(2)} | ${Math.round((sample.cores * 1e6) / sample.requestsPerSecond)} |`,
    );
  }
  return lines.join('\n');
}

/** Formats start-up time and memory per process as a Markdown table. */
export function formatProcessTable(facts: ProcessFacts[]): string {
  const lines = ['| process | start to first 200, ms | RSS after load, MiB |', '| --- | ---: | ---: |'];
  for (const { name, startMs, rssMiB } of facts) {
    lines.push(`| ${name} | ${Math.round(startMs)} | ${rssMiB.toFixed(0)} |`);
  }
  return lines.join('\n');
}

/** Formats the requests/s of one case relative to the others, per connection count. */
export function formatRatios(rows: Row[], subject: string, baselines: string[]): string {
  const lines: string[] = [];
  for (const connections of [...new Set(rows.map((row) => row.connections))]) {
    const rate = (name: string) =>
      rows.find((row) => row.caseName === name && row.connections === connections)?.sample
        .requestsPerSecond;
    const mine = rate(subject);
    for (const baseline of baselines) {
      const other = rate(baseline);
      if (mine === undefined || other === undefined) continue;
      lines.push(`- ${connections} connections: ${subject} / ${baseline} = ${(mine / other).toFixed(2)}`);
    }
  }
  return lines.join('\n');
}
